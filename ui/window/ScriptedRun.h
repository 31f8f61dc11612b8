// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

class MainWindow;

/// What `nnplay --train --epochs N --screenshot FILE --quit` does once the window has opened
/// its project: trains through the window's own worker, waits until the views show the
/// result, saves a picture of the whole window (with a dialog open over it, such as the
/// welcome screen, drawn in the middle) and of the view in front, and reports that it is done.
class ScriptedRun : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool train = false;
        /// Epochs to train; <= 0 uses the project's epoch count.
        int epochs = 0;
        /// PNG file for QWidget::grab() of the window; empty for none.
        QString screenshot;
        /// PNG, SVG or PDF file (by its suffix) for a picture of the view in front
        /// (PictureExport, as File > Export View as Picture writes it); empty for none.
        QString picture;
        /// The view brought to the front before the picture (TrainingViews::viewNamed); empty
        /// keeps the window's choice.
        QString view;
        /// The network the canvas shows (NetworkTabs); empty keeps the first.
        QString network;
        /// A GAN: after training, one step in slow motion shown at this part (1..10); 0 none.
        int slowMotionPart = 0;
        /// With `train`, a lesson: trains each of its variants in turn from fresh weights, so
        /// the Runs view compares them all.
        bool everyVariant = false;
        /// The Inside view explaining filter N of the first convolution, step by step; -1 none.
        int convolutionStep = -1;
        /// A sweep run in the Sweep tab before the picture, "KEY=V1,V2,..." (a key the tab
        /// offers); empty for none.
        QString sweep;
    };

    /// Pause after the last snapshot before the picture, so queued replots have happened.
    static constexpr int kSettleMs = 400;

    ScriptedRun(MainWindow* window, Options options, QObject* parent = nullptr);

    /// Starts with the window's current session (call after opening the project).
    void start();

signals:
    /// All steps are done (exit code 0) or one failed (1; the reason went to stderr).
    void finished(int exitCode);

private:
    enum class Stage { Idle, WaitingForSession, Training, SlowMotion, Sweeping, Settling, Done };

    void onSnapshot(const TrainingSnapshot& snapshot);
    void settle();
    /// Starts Options::sweep in the Sweep tab; settle() follows when it ends.
    void runSweep();
    void takeScreenshot();
    /// Writes the view in front to Options::picture; false (after finish(1)) when it cannot.
    bool savePicture();
    void finish(int exitCode, const QString& message = QString());

    MainWindow* m_window;
    Options m_options;
    Stage m_stage = Stage::Idle;
    /// Switches to the next lesson variant to train (every variant); false when none is left.
    bool nextVariant();
    int m_targetEpoch = 0;
    int m_variant = -1;  // the lesson variant training (everyVariant)
    bool m_sawRunning = false;
};

}  // namespace nnplay::ui
