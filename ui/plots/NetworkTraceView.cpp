// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/NetworkTraceView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "plots/ConvolutionStepView.h"
#include "plots/SaliencyView.h"
#include "plots/TraceCanvas.h"

namespace nnplay::ui {

NetworkTraceView::NetworkTraceView(QWidget* parent)
    : QWidget(parent),
      m_sample(new QSpinBox(this)),
      m_summary(new QLabel(this)),
      m_saliency(new SaliencyView(this)),
      m_pages(new QStackedWidget(this)),
      m_scroll(new QScrollArea),
      m_canvas(new TraceCanvas),
      m_explainer(new QWidget),
      m_explainerTitle(new QLabel),
      m_playStep(new QPushButton(tr("Pause"))),
      m_step(new ConvolutionStepView) {
    m_sample->setRange(1, DataPreview::kSampleCount);
    m_sample->setPrefix(tr("Test sample "));
    m_sample->setToolTip(
        tr("Which test sample to follow through the network (clicking one in "
           "Test samples chooses it too)"));
    m_summary->setWordWrap(true);
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto* top = new QHBoxLayout;
    top->addWidget(m_sample);
    top->addWidget(m_summary, 1);
    auto* back = new QPushButton(tr("All layers"));
    back->setToolTip(tr("Back to every layer of the network"));
    m_explainerTitle->setWordWrap(true);
    auto* explainerTop = new QHBoxLayout;
    explainerTop->addWidget(back);
    explainerTop->addWidget(m_playStep);
    explainerTop->addWidget(m_explainerTitle, 1);
    auto* explainer = new QVBoxLayout(m_explainer);
    explainer->setContentsMargins(0, 0, 0, 0);
    explainer->addLayout(explainerTop);
    explainer->addWidget(m_step, 1);
    m_pages->addWidget(m_scroll);
    m_pages->addWidget(m_explainer);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(top);
    layout->addWidget(m_saliency);
    layout->addWidget(m_pages, 1);

    connect(m_canvas, &TraceCanvas::convolutionClicked, this,
            &NetworkTraceView::explainConvolution);
    connect(back, &QPushButton::clicked, this, &NetworkTraceView::showAllLayers);
    connect(m_playStep, &QPushButton::clicked, this, [this] {
        m_step->setPlaying(!m_step->isPlaying());
        m_playStep->setText(m_step->isPlaying() ? tr("Pause") : tr("Play"));
    });

    connect(m_sample, &QSpinBox::valueChanged, this, [this](int value) {
        updateSummary();
        emit sampleChanged(value - 1);
    });
    updateSummary();
}

bool NetworkTraceView::explainConvolution(int layer, int filter) {
    if (!m_step->show(m_snapshot, layer, filter)) return false;
    m_explainedLayer = layer;
    m_explainedFilter = filter;
    m_explainerTitle->setText(
        tr("%1, filter %2: each value of its map is the sum of the window times the filter, "
           "plus the bias. Click a cell of the map to go there.")
            .arg(QString::fromStdString(m_snapshot.trace[std::size_t(layer)].name))
            .arg(filter + 1));
    m_pages->setCurrentWidget(m_explainer);
    m_step->setPlaying(true);
    m_playStep->setText(tr("Pause"));
    return true;
}

void NetworkTraceView::showAllLayers() {
    m_step->setPlaying(false);
    m_explainedLayer = -1;
    m_pages->setCurrentWidget(m_scroll);
}

bool NetworkTraceView::explainsConvolution() const {
    return m_pages->currentWidget() == m_explainer;
}

int NetworkTraceView::sample() const { return m_sample->value() - 1; }

void NetworkTraceView::setSample(int sample) { m_sample->setValue(sample + 1); }

void NetworkTraceView::setSnapshot(const TrainingSnapshot& snapshot) {
    m_snapshot = snapshot;
    if (const DataPreview* data = snapshot.data.get(); data && data->sampleCount() > 0)
        m_sample->setMaximum(data->sampleCount());
    // A snapshot traced for another sample (the request is on its way) keeps the last trace.
    if (snapshot.saliency.sample == sample()) m_saliency->setSnapshot(snapshot);
    if (snapshot.traceSample == sample()) {
        m_canvas->setSnapshot(snapshot);
        if (explainsConvolution() && !m_step->show(snapshot, m_explainedLayer, m_explainedFilter))
            showAllLayers();  // the network changed under it
    }
    updateSummary();
}

QString NetworkTraceView::summaryText() const { return m_summary->text(); }

void NetworkTraceView::updateSummary() {
    const DataPreview* data = m_snapshot.data.get();
    const int i = sample();
    if (!data || i >= data->sampleCount()) {
        m_summary->setText(tr("Train or step once to see what each layer makes of a sample."));
        return;
    }
    const auto& names = data->info.classNames;
    auto className = [&](int c) {
        return c >= 0 && c < static_cast<int>(names.size())
                   ? QString::fromStdString(names[static_cast<std::size_t>(c)])
                   : QString::number(c);
    };
    const bool known = i < static_cast<int>(m_snapshot.sampleOutputs.size());
    if (data->info.task == Task::Classification &&
        i < static_cast<int>(data->sampleLabels.size())) {
        QString text = tr("Is %1.").arg(className(data->sampleLabels[std::size_t(i)]));
        if (known && i < static_cast<int>(m_snapshot.samplePredictions.size())) {
            const int predicted = m_snapshot.samplePredictions[std::size_t(i)];
            text += QLatin1Char(' ') +
                    tr("The network says %1 (%2 %).")
                        .arg(className(predicted))
                        .arg(std::lround(100 * m_snapshot.sampleOutputs[std::size_t(i)]));
        }
        m_summary->setText(text);
    } else if (i < data->sampleTargets.cols()) {
        QString text = tr("Target %1.").arg(data->sampleTargets(0, i), 0, 'g', 4);
        if (known) {
            text +=
                QLatin1Char(' ') +
                tr("The network says %1.").arg(m_snapshot.sampleOutputs[std::size_t(i)], 0, 'g', 4);
        }
        m_summary->setText(text);
    } else {
        m_summary->clear();
    }
}

}  // namespace nnplay::ui
