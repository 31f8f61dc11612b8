// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include "Project.h"
#include "train/GanStepRecord.h"

class QAction;
class QLabel;
class QToolButton;

namespace nnplay::ui {

class GanFlowDiagram;
class GanStepView;
struct DataPreview;
struct TrainingSnapshot;

/// A GAN step in slow motion, one numbered part at a time: 1 sample noise and real data, 2 D
/// classifies, 3 D loss, 4 D gradients, 5 D update, 6 sample noise, 7 G makes fakes and D
/// classifies them, 8 G loss, 9 G gradients, 10 G update. Shows the part's number and title, a
/// sentence for a learner, the part on the plane (GanStepView) and the overview of the two
/// networks (GanFlowDiagram). Previous and Next (keys B and N) go through the parts the step
/// has (a step mode that trains one network has only its five); Back to Training, or Play,
/// ends it. Hidden while nothing plays. Only reads the recorded step: nothing is trained.
class GanSlowMotionPanel : public QFrame {
    Q_OBJECT
public:
    static constexpr int kPartCount = 10;

    explicit GanSlowMotionPanel(QWidget* parent = nullptr);

    /// Follows the worker: a snapshot with a recorded GAN step starts it at its first part;
    /// one of a running session, of another session or after another step ends it. `project`
    /// is the one being trained: its networks name the layers (LayerNames).
    void follow(const TrainingSnapshot& snapshot, const nnplay::Project& project);
    /// Starts showing `record` (an empty one does nothing); `data` (may be null) is the
    /// session's data, whose points fit the plane and whose image shape draws pictures.
    void start(const nnplay::GanStepRecord& record, const DataPreview* data);
    void stop();
    void nextPart();
    void previousPart();
    /// Shows part `part`, kept within the parts the step has.
    void setPart(int part);

    bool active() const { return m_part > 0; }
    /// 1..10, 0 while nothing plays.
    int part() const { return m_part; }
    int firstPart() const;
    int lastPart() const;
    /// "⑨ G gradients"; empty while nothing plays.
    QString title() const;
    QString caption() const;
    const nnplay::GanStepRecord& record() const { return m_record; }

    /// The part's name: "G gradients".
    static QString partName(int part);
    /// "⑨ G gradients".
    static QString partTitle(int part);
    /// The part's sentence for `record`'s step (of points on a plane or of images).
    static QString partCaption(int part, const nnplay::GanStepRecord& record);

    GanStepView* stepView() const { return m_view; }
    GanFlowDiagram* diagram() const { return m_diagram; }
    QAction* nextAction() const { return m_next; }
    QAction* previousAction() const { return m_previous; }
    QAction* backAction() const { return m_back; }

signals:
    /// Slow motion started or ended.
    void activeChanged(bool active);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void refresh();
    void applyFonts();

    QLabel* m_title;
    QLabel* m_text;
    GanStepView* m_view;
    GanFlowDiagram* m_diagram;
    QAction* m_previous;
    QAction* m_next;
    QAction* m_back;
    nnplay::GanStepRecord m_record;
    int m_part = 0;
    int m_generation = -1;
    long long m_batches = -1;  // of the snapshot that brought the step
};

}  // namespace nnplay::ui
