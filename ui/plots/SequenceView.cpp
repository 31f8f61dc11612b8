// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SequenceView.h"

#include <QLabel>
#include <QVBoxLayout>

#include "plots/HiddenStateHeatmap.h"
#include "plots/SeriesPredictionPlot.h"
#include "plots/TextSampleView.h"

namespace nnplay::ui {

namespace {

QString waitingText() {
    return SequenceView::tr("Train the network to see it continue a sequence by itself.");
}

}  // namespace

SequenceView::SequenceView(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_series(new SeriesPredictionPlot(this)),
      m_text(new TextSampleView(this)),
      m_heatmap(new HiddenStateHeatmap(this)) {
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);
    layout->addWidget(m_summary);
    // One of the two above the heatmap (a hidden one takes no room).
    layout->addWidget(m_series, 3);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_heatmap, 3);
    m_text->hide();
    m_summary->setText(waitingText());
    connect(m_text, &TextSampleView::requestChanged, this, &SequenceView::requestChanged);
    connect(m_heatmap, &HiddenStateHeatmap::layerPicked, this, [this](int index) {
        const auto& layers = m_sequence.recurrentLayers;
        if (index < 0 || index >= static_cast<int>(layers.size())) return;
        m_layer = layers[static_cast<std::size_t>(index)].index;
        emit requestChanged();
    });
}

void SequenceView::request(SnapshotRequest& request, bool shown) const {
    request.sequence = shown;
    request.temperature = m_text->temperature();
    request.sequenceSeed = m_text->seed();
    request.sequenceLayer = m_layer;
}

void SequenceView::setSnapshot(const TrainingSnapshot& snapshot) {
    if (snapshot.generation != m_generation) {
        m_generation = snapshot.generation;
        m_sequence = {};
        m_heatmap->clear(tr("No hidden state yet."));
        m_summary->setText(waitingText());
        m_summary->show();
    }
    if (snapshot.sequence.empty() || !snapshot.data) return;
    m_sequence = snapshot.sequence;
    m_info = snapshot.data->info;
    draw();
}

void SequenceView::draw() {
    if (m_sequence.isText()) {
        m_series->hide();
        m_text->show();
        m_text->setText(m_sequence, m_info);
        // The boxes say what they hold; the room goes to the text and the heatmap.
        m_summary->hide();
    } else {
        m_text->hide();
        m_series->show();
        m_series->setSeries(m_sequence);
        m_summary->setText(m_series->summaryText());
        m_summary->show();
    }
    showStates();
}

void SequenceView::showStates() {
    const auto& s = m_sequence;
    auto* box = static_cast<QVBoxLayout*>(layout());
    if (s.stateUnits == 0 || s.stateSteps == 0) {
        m_heatmap->clear(tr("The network has no recurrent layer whose state could be shown."));
        box->setStretchFactor(m_heatmap, 0);  // the plot or text takes the room
        return;
    }
    box->setStretchFactor(m_heatmap, 3);
    std::vector<HiddenStateHeatmap::Trace> traces;
    traces.push_back({tr("hidden state"), s.states});
    for (const auto& gate : s.gates)
        traces.push_back({QString::fromStdString(gate.name), gate.values});
    QStringList labels;
    int ownFrom = s.primed;
    QString axis, shortAxis;
    if (s.isText()) {
        // Column j is the state after reading character j of the start and the sample.
        std::vector<int> read = s.start;
        read.insert(read.end(), s.sample.begin(), s.sample.end());
        for (int t = 0; t < s.stateSteps && t < static_cast<int>(read.size()); ++t)
            labels << TextSampleView::visibleCharacter(m_info, read[static_cast<std::size_t>(t)]);
        ownFrom = static_cast<int>(s.start.size());
        axis = tr("Character read");
        shortAxis = tr("Character");
    } else {
        axis = tr("Step");
        shortAxis = axis;
    }
    const QString layer = QString::fromStdString(s.stateLayer);
    m_heatmap->setTraces(layer, s.stateUnits, s.stateSteps, std::move(traces), labels, ownFrom,
                         axis, shortAxis);
    QStringList layers;
    int current = 0;
    for (const auto& recurrent : s.recurrentLayers) {
        if (recurrent.index == s.stateLayerIndex) current = layers.size();
        layers << QString::fromStdString(recurrent.name);
    }
    m_heatmap->setLayers(layers, current);
}

QString SequenceView::summaryText() const { return m_summary->text(); }

}  // namespace nnplay::ui
