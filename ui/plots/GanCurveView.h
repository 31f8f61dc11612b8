// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <array>

#include "train/TrainingSnapshot.h"

class QCustomPlot;
class QCPGraph;
class QLabel;

namespace nnplay::ui {

/// A GAN run's history against steps: the discriminator's and the generator's loss on one plot
/// and, below it for 2-D data, how close the generated samples are to the real ones: the
/// Jensen-Shannon and KL divergences (left axis) and, for mixture targets, the share of the
/// modes covered (right axis). Read from the history's columns by name; a value that was not
/// measured (NaN) leaves a gap.
class GanCurveView : public QWidget {
    Q_OBJECT
public:
    enum class Curve { DLoss, GLoss, JsDivergence, KlDivergence, ModeCoverage };
    static constexpr int kCurveCount = 5;

    explicit GanCurveView(QWidget* parent = nullptr);

    /// Appends the snapshot's new history rows (starts over on a new generation).
    void setSnapshot(const TrainingSnapshot& snapshot);

    /// The losses' plot and the measures' plot (hidden when the history has no measures).
    QCustomPlot* lossPlot() const { return m_lossPlot; }
    QCustomPlot* measurePlot() const { return m_measurePlot; }
    QCPGraph* graph(Curve curve) const;
    /// Points the curve holds, gaps (NaN) included.
    int pointCount(Curve curve) const;
    /// The step and value of the curve's last point (NaN when it has none).
    double lastStep(Curve curve) const;
    double lastValue(Curve curve) const;
    /// Whether the curve is shown (its column is in the history: the mode coverage only when
    /// a row had modes_total > 0).
    bool isShown(Curve curve) const;
    /// The line above the plots with the newest row's numbers.
    QLabel* summary() const { return m_summary; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void startOver();
    void appendRows(const nnplay::History& rows);
    void updateSummary();
    void rescale();
    void fitToSize();
    void applyStyle();

    QLabel* m_summary;
    QCustomPlot* m_lossPlot;
    QCustomPlot* m_measurePlot;
    std::array<QCPGraph*, kCurveCount> m_graphs{};
    int m_generation = -1;
    /// Rows of the session's history drawn so far.
    std::size_t m_rows = 0;
    bool m_hasMeasures = false;
    bool m_hasModes = false;
};

}  // namespace nnplay::ui
