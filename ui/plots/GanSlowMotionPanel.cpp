// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/GanSlowMotionPanel.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "editor/LayerNames.h"
#include "plots/GanFlowDiagram.h"
#include "plots/GanStepView.h"
#include "train/DataPreview.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

namespace {

QString loss(float value) { return QLocale().toString(value, 'g', 3); }

}  // namespace

GanSlowMotionPanel::GanSlowMotionPanel(QWidget* parent)
    : QFrame(parent),
      m_title(new QLabel(this)),
      m_text(new QLabel(this)),
      m_view(new GanStepView(this)),
      m_diagram(new GanFlowDiagram(this)),
      m_previous(new QAction(tr("Previous"), this)),
      m_next(new QAction(tr("Next Part"), this)),
      m_back(new QAction(tr("Back to Training"), this)) {
    setObjectName(QStringLiteral("ganSlowMotionPanel"));
    m_title->setObjectName(QStringLiteral("ganSlowMotionTitle"));
    m_text->setObjectName(QStringLiteral("ganSlowMotionCaption"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_previous->setShortcut(QKeySequence(Qt::Key_B));
    m_next->setShortcut(QKeySequence(Qt::Key_N));
    m_previous->setToolTip(tr("Show the part before (B)."));
    m_next->setToolTip(tr("Show the next part (N)."));
    m_back->setToolTip(tr("Leave slow motion; Play or Step train on as usual."));
    auto* buttons = new QHBoxLayout;
    for (QAction* action : {m_previous, m_next, m_back}) {
        action->setShortcutContext(Qt::WindowShortcut);
        action->setEnabled(false);
        addAction(action);
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
        if (action == m_next) buttons->addStretch(1);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_diagram, 2);

    connect(m_previous, &QAction::triggered, this, &GanSlowMotionPanel::previousPart);
    connect(m_next, &QAction::triggered, this, &GanSlowMotionPanel::nextPart);
    connect(m_back, &QAction::triggered, this, &GanSlowMotionPanel::stop);
    applyFonts();
    refresh();
}

void GanSlowMotionPanel::follow(const TrainingSnapshot& snapshot, const nnplay::Project& project) {
    if (!snapshot.stages.gan.empty()) {
        const auto names = [&](const char* network) {
            const nnplay::NetworkSpec* spec = project.findNetwork(network);
            return spec ? LayerNames::of(*spec) : QStringList();
        };
        m_view->setLayerNames(names(nnplay::Project::kGenerator),
                              names(nnplay::Project::kDiscriminator));
        m_generation = snapshot.generation;
        m_batches = snapshot.batches;
        start(snapshot.stages.gan, snapshot.data.get());
        return;
    }
    if (active() && (snapshot.running || snapshot.generation != m_generation ||
                     snapshot.batches != m_batches))
        stop();
}

void GanSlowMotionPanel::start(const nnplay::GanStepRecord& record, const DataPreview* data) {
    if (record.empty()) return;
    const bool was = active();
    m_record = record;
    m_view->setRecord(m_record, data);
    m_part = firstPart();
    refresh();
    if (!was) emit activeChanged(true);
}

void GanSlowMotionPanel::stop() {
    if (!active()) return;
    m_part = 0;
    m_record = {};
    refresh();
    emit activeChanged(false);
}

int GanSlowMotionPanel::firstPart() const { return m_record.trainedDiscriminator ? 1 : 6; }

int GanSlowMotionPanel::lastPart() const { return m_record.trainedGenerator ? 10 : 5; }

void GanSlowMotionPanel::nextPart() {
    if (active()) setPart(m_part + 1);
}

void GanSlowMotionPanel::previousPart() {
    if (active()) setPart(m_part - 1);
}

void GanSlowMotionPanel::setPart(int part) {
    if (!active()) return;
    part = std::clamp(part, firstPart(), lastPart());
    if (part == m_part) return;
    m_part = part;
    refresh();
}

QString GanSlowMotionPanel::title() const { return m_title->text(); }

QString GanSlowMotionPanel::caption() const { return m_text->text(); }

QString GanSlowMotionPanel::partName(int part) {
    switch (part) {
        case 1:
            return tr("Sample noise and real data");
        case 2:
            return tr("D classifies");
        case 3:
            return tr("D loss");
        case 4:
            return tr("D gradients");
        case 5:
            return tr("D update");
        case 6:
            return tr("Sample noise");
        case 7:
            return tr("G makes fakes, D classifies them");
        case 8:
            return tr("G loss");
        case 9:
            return tr("G gradients");
        case 10:
            return tr("G update");
        default:
            return {};
    }
}

QString GanSlowMotionPanel::partTitle(int part) {
    if (part < 1 || part > kPartCount) return {};
    // Circled digits one to ten: U+2460 ..U+2469.
    return QString(QChar(0x2460 + part - 1)) + QLatin1Char(' ') + partName(part);
}

QString GanSlowMotionPanel::partCaption(int part, const nnplay::GanStepRecord& r) {
    const nnplay::Matrix& some = r.trainedDiscriminator ? r.real : r.gFake;
    const auto batch = static_cast<int>(some.cols());
    if (some.rows() != 2) {
        // Images: the parts where the plane's words do not fit.
        switch (part) {
            case 2:
                return tr("D says how real each picture looks: its frame turns green for "
                          "\"real\", purple for \"fake\".");
            case 5:
                return tr("D's weights take a small step against their gradients, so it "
                          "tells real from fake a little better next time.");
            case 9:
                return tr("The gradient comes back through D to each fake's pixels: blue where "
                          "G would add ink to fool D more, orange where it would take some "
                          "away; and on into G's weights.");
            case 10:
                return tr("G's weights take a small step against their gradients, so the fakes "
                          "change (before, after). One step of training is done.");
            default:
                break;
        }
    }
    switch (part) {
        case 1:
            return tr("The discriminator D trains first. It gets %1 real samples (green) and %1 "
                      "fakes (purple) the generator G makes from random noise.")
                .arg(batch);
        case 2:
            return tr("D says how real each sample looks: its fill turns green for \"real\", "
                      "purple for \"fake\". The ring shows what the sample really is.");
        case 3:
            return tr("D's loss is %1: it grows when D calls real samples fake or fakes real. "
                      "D tries to make it smaller.")
                .arg(loss(r.dLoss));
        case 4:
            return tr("Backpropagation gives each of D's weights a gradient: how the loss "
                      "changes when the weight grows. G is held fixed.");
        case 5:
            return tr("D's weights take a small step against their gradients. The background "
                      "shows D's new answer everywhere in the plane.");
        case 6:
            return tr("Now the generator G trains. It draws fresh random noise z, %1 samples, "
                      "each a point it will turn into a fake.")
                .arg(batch);
        case 7:
            return tr("G turns the noise into fakes and D, held fixed now, says how real each "
                      "one looks.");
        case 8:
            return tr("G's loss is %1: it is small when D takes the fakes for real. G tries to "
                      "make it smaller.")
                .arg(loss(r.gLoss));
        case 9:
            return tr("The gradient comes back through D to each fake: the arrows show where "
                      "moving a fake would fool D more, and on into G's weights.");
        case 10:
            return tr("G's weights take a small step against their gradients, so the fakes "
                      "move (faded: before, solid: after). One step of training is done.");
        default:
            return {};
    }
}

void GanSlowMotionPanel::refresh() {
    setVisible(active());
    m_previous->setEnabled(active() && m_part > firstPart());
    m_next->setEnabled(active() && m_part < lastPart());
    m_back->setEnabled(active());
    m_diagram->setPart(m_part);
    if (!active()) {
        m_title->clear();
        m_text->clear();
        return;
    }
    m_title->setText(partTitle(m_part) +
                     tr("   (part %1 of %2)").arg(m_part).arg(kPartCount));
    QString text = partCaption(m_part, m_record);
    if (m_part == lastPart() && lastPart() < kPartCount)
        text += QLatin1Char(' ') + tr("This step mode trains only D: G's parts are skipped.");
    if (m_part == firstPart() && firstPart() > 1)
        text = tr("This step mode trains only G: D's parts are skipped. ") + text;
    m_text->setText(text);
    m_view->setPart(m_part);
}

void GanSlowMotionPanel::applyFonts() {
    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(font().pointSizeF() * 1.4);
    m_title->setFont(big);
    QFont text = font();
    text.setPointSizeF(font().pointSizeF() * 1.1);
    m_text->setFont(text);
    QFont overview = font();
    overview.setPointSizeF(font().pointSizeF() * 1.2);
    m_diagram->setFont(overview);
}

void GanSlowMotionPanel::paintEvent(QPaintEvent* event) {
    // Painted rather than styled: a style sheet would keep UiScale's fonts from the children.
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.setBrush(palette().color(QPalette::AlternateBase));
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4, 4);
}

void GanSlowMotionPanel::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange) applyFonts();
}

}  // namespace nnplay::ui
