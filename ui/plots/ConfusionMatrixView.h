// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <memory>
#include <vector>

#include "train/TrainingSnapshot.h"

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPItemText;
class QLabel;

namespace nnplay::ui {

/// The test set's confusion matrix: one row per true class, one column per predicted class,
/// the count written in each cell and the cell coloured by the share of its row (so the
/// diagonal is dark when the network is right). Above it, a summary in words: the accuracy,
/// for two classes the precision, recall and F1 of the positive class (class 1), for more the
/// per-class precision and recall, and for data of groups of people each group's accuracy.
class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    /// Classes beyond this are drawn without numbers in the cells.
    static constexpr int kMaxLabelledClasses = 20;

    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    void setSnapshot(const TrainingSnapshot& snapshot);
    /// Two classes: count class 1 where its probability is at least `threshold` (0.5, the
    /// network's own rule, unless moved in the metrics view).
    void setThreshold(double threshold);
    QCustomPlot* plot() const { return m_plot; }
    /// For tests: the number written in cell (true class, predicted class), or "" when none.
    QString cellText(int trueClass, int predictedClass) const;
    /// The summary above the matrix (see the class comment).
    QString summaryText() const;
    /// The summary's sentences for these test metrics of data described by `info`.
    static QString describe(const nnplay::ClassificationMetrics& metrics,
                            const nnplay::DataInfo& info);
    /// The class names the rows and columns show.
    const std::vector<std::string>& classNames() const { return m_names; }
    /// The cell (true class, predicted class) at a point of the plot, or {-1, -1}.
    std::pair<int, int> cellAt(const QPoint& plotPoint) const;

signals:
    /// A cell was clicked: show the test samples of that true and predicted class.
    void cellClicked(int trueClass, int predictedClass);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void setClasses(int classes, const std::vector<std::string>& names);
    /// Draws the counts and the summary of m_test at m_threshold.
    void showCounts();
    void applyStyle();
    /// The counts' font: the view's, smaller beyond ten classes.
    QFont cellFont(int classes) const;

    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    QCPColorScale* m_scale;
    QLabel* m_summary;
    std::vector<QCPItemText*> m_cells;  // row-major: true class * classes + predicted
    int m_classes = 0;
    std::vector<std::string> m_names;  // the classes the rows and columns are labelled with
    bool m_stale = false;              // updated while hidden, not drawn yet
    nnplay::Evaluation m_test;         // the last test evaluation
    std::shared_ptr<const DataPreview> m_data;
    bool m_hasTest = false;
    double m_threshold = 0.5;
};

}  // namespace nnplay::ui
