// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/ScriptedRun.h"

#include <QDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>

#include "document/ProjectDocument.h"
#include "lesson/LessonController.h"
#include "plots/GanSlowMotionPanel.h"
#include "plots/NetworkTraceView.h"
#include "plots/PictureExport.h"
#include "plots/SweepView.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/NetworkTabs.h"
#include "window/TrainingViews.h"

namespace nnplay::ui {

ScriptedRun::ScriptedRun(MainWindow* window, Options options, QObject* parent)
    : QObject(parent), m_window(window), m_options(std::move(options)) {
    connect(m_window, &MainWindow::snapshotDrawn, this, &ScriptedRun::onSnapshot);
}

void ScriptedRun::start() {
    m_stage = Stage::WaitingForSession;
    if (m_options.train && m_options.everyVariant && !nextVariant()) {
        finish(1, tr("nnplay: the project is not a lesson with variants"));
        return;
    }
    const TrainingSnapshot& last = m_window->training()->lastSnapshot();
    if (last.generation == m_window->training()->generation()) onSnapshot(last);
}

void ScriptedRun::onSnapshot(const TrainingSnapshot& snapshot) {
    TrainingController* training = m_window->training();
    if (snapshot.generation != training->generation()) return;
    switch (m_stage) {
        case Stage::WaitingForSession: {
            if (!snapshot.valid && m_options.train) {
                finish(1, tr("Cannot train: %1").arg(snapshot.stopMessage));
                return;
            }
            if (!m_options.train) {
                // A picture of a project that cannot train shows why: take it all the same.
                if (!snapshot.valid) {
                    QTextStream(stderr)
                        << tr("Cannot train: %1").arg(snapshot.stopMessage) << Qt::endl;
                }
                settle();
                return;
            }
            const int epochs = m_options.epochs > 0
                                   ? m_options.epochs
                                   : m_window->document()->project().training.epochs;
            m_targetEpoch = snapshot.epoch + epochs;
            m_stage = Stage::Training;
            training->send(&TrainingWorker::trainEpochs, epochs);
            return;
        }
        case Stage::Training:
            m_sawRunning = m_sawRunning || snapshot.running;
            // Done when paused after the epochs, or stopped by itself (a divergence in the first
            // batches can end the run before any snapshot of it running is drawn).
            if (!snapshot.running && (snapshot.epoch >= m_targetEpoch || m_sawRunning ||
                                      !snapshot.stopMessage.isEmpty())) {
                QTextStream(stdout) << tr("Trained %1 epochs").arg(snapshot.epoch) << Qt::endl;
                if (!snapshot.stopMessage.isEmpty()) {
                    QTextStream(stdout) << snapshot.stopMessage << Qt::endl;
                }
                if (m_options.everyVariant && nextVariant()) {
                    // The variant's session reports with a new generation (the same one when
                    // it changed nothing).
                    m_stage = Stage::WaitingForSession;
                    m_sawRunning = false;
                    const TrainingSnapshot& last = training->lastSnapshot();
                    if (last.generation == training->generation() &&
                        last.generation == snapshot.generation)
                        onSnapshot(last);
                    return;
                }
                settle();
            }
            return;
        case Stage::SlowMotion:
            if (!snapshot.stages.gan.empty()) {
                m_window->ganSlowMotion()->setPart(m_options.slowMotionPart);
                settle();
            } else if (!snapshot.stopMessage.isEmpty()) {
                finish(1, tr("Cannot step in slow motion: %1").arg(snapshot.stopMessage));
            }
            return;
        case Stage::Idle:
        case Stage::Sweeping:
        case Stage::Settling:
        case Stage::Done:
            return;
    }
}

bool ScriptedRun::nextVariant() {
    LessonController* lesson = m_window->lesson();
    if (m_variant + 1 >= lesson->variantCount()) return false;
    ++m_variant;
    const auto& variant = lesson->lesson().variants[static_cast<std::size_t>(m_variant)];
    QTextStream(stdout) << tr("Variant “%1”").arg(QString::fromStdString(variant.name))
                        << Qt::endl;
    return lesson->switchToVariant(m_variant) || nextVariant();
}

void ScriptedRun::settle() {
    if (!m_options.sweep.isEmpty() && m_stage != Stage::Sweeping) {
        runSweep();
        return;
    }
    if (m_options.slowMotionPart > 0 && m_stage != Stage::SlowMotion) {
        m_stage = Stage::SlowMotion;
        m_window->training()->send(&TrainingWorker::stepInSlowMotion);
        return;
    }
    m_stage = Stage::Settling;
    if (const auto view = TrainingViews::viewNamed(m_options.view))
        m_window->views()->showView(*view);
    if (m_options.convolutionStep >= 0)
        m_window->views()->showView(TrainingViews::View::Trace);
    if (!m_options.network.isEmpty() &&
        !m_window->networkTabs()->showNetwork(m_options.network.toStdString())) {
        finish(1, tr("nnplay: the project has no network named '%1'").arg(m_options.network));
        return;
    }
    QTimer::singleShot(kSettleMs, this, [this] {
        if (m_options.convolutionStep < 0) {
            takeScreenshot();
            return;
        }
        // The trace has arrived by now: explain the filter, and let it slide a while.
        NetworkTraceView* trace = m_window->views()->traceView();
        bool shown = false;
        for (int layer = 0; layer < 64 && !shown; ++layer)
            shown = trace->explainConvolution(layer, m_options.convolutionStep);
        if (!shown) {
            finish(1, tr("nnplay: no convolution has a filter %1 to explain")
                          .arg(m_options.convolutionStep));
            return;
        }
        QTimer::singleShot(4 * kSettleMs, this, &ScriptedRun::takeScreenshot);
    });
}

void ScriptedRun::runSweep() {
    m_stage = Stage::Sweeping;
    SweepView* view = m_window->views()->sweepView();
    const qsizetype equals = m_options.sweep.indexOf(QLatin1Char('='));
    const QString key = m_options.sweep.left(equals);
    if (equals <= 0 || !view->chooseSetting(key)) {
        finish(1, tr("--sweep needs KEY=V1,V2,... with a setting the Sweep tab offers, not '%1'")
                      .arg(m_options.sweep));
        return;
    }
    m_window->views()->showView(TrainingViews::View::Sweep);
    view->valuesEdit()->setText(m_options.sweep.mid(equals + 1));
    connect(
        view, &SweepView::sweepFinished, this,
        [this, view](bool completed) {
            if (!completed) {
                finish(1, view->progressLabel()->text());
                return;
            }
            QTextStream(stdout) << view->progressLabel()->text() << Qt::endl;
            settle();
        },
        Qt::SingleShotConnection);
    if (!view->run()) finish(1, view->progressLabel()->text());
}

bool ScriptedRun::savePicture() {
    if (m_options.picture.isEmpty()) return true;
    QWidget* view = m_window->views()->currentView();
    const QString error = PictureExport::save(view, m_options.picture);
    if (!error.isEmpty()) {
        finish(1, error);
        return false;
    }
    QTextStream(stdout) << tr("Saved %1 (%2x%3)")
                               .arg(QFileInfo(m_options.picture).absoluteFilePath())
                               .arg(view->width())
                               .arg(view->height())
                        << Qt::endl;
    return true;
}

void ScriptedRun::takeScreenshot() {
    if (!savePicture()) return;
    if (m_options.screenshot.isEmpty()) {
        finish(0);
        return;
    }
    QPixmap picture = m_window->grab();
    for (QDialog* dialog : m_window->findChildren<QDialog*>(Qt::FindDirectChildrenOnly)) {
        if (!dialog->isVisible()) continue;
        // Centred, with a thin edge where the window system would draw its frame.
        QPainter painter(&picture);
        const QRect at(QPoint((m_window->width() - dialog->width()) / 2,
                              (m_window->height() - dialog->height()) / 2),
                       dialog->size());
        painter.drawPixmap(at.topLeft(), dialog->grab());
        painter.setPen(m_window->palette().color(QPalette::Shadow));
        painter.drawRect(at.adjusted(-1, -1, 0, 0));
    }
    if (picture.isNull() || !picture.save(m_options.screenshot, "PNG")) {
        finish(1, tr("Cannot write the screenshot %1").arg(m_options.screenshot));
        return;
    }
    QTextStream(stdout) << tr("Saved %1 (%2x%3)")
                               .arg(QFileInfo(m_options.screenshot).absoluteFilePath())
                               .arg(picture.width())
                               .arg(picture.height())
                        << Qt::endl;
    finish(0);
}

void ScriptedRun::finish(int exitCode, const QString& message) {
    m_stage = Stage::Done;
    if (!message.isEmpty()) QTextStream(stderr) << message << Qt::endl;
    emit finished(exitCode);
}

}  // namespace nnplay::ui
