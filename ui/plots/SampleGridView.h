// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "train/TrainingSnapshot.h"

class QLabel;
class QTableWidget;

namespace nnplay::ui {

/// The first test samples with the network's answers. Image data (digits): a grid of the
/// pictures, each with its predicted label, the wrong ones framed and labelled in red. Other
/// data (CSV): a table of the test rows with the true and the predicted value.
class SampleGridView : public QWidget {
    Q_OBJECT
public:
    explicit SampleGridView(QWidget* parent = nullptr);

    void setSnapshot(const TrainingSnapshot& snapshot);
    /// True when the last snapshot was drawn as pictures (else as a table).
    bool showsImages() const { return m_images; }
    QTableWidget* table() const { return m_table; }
    /// Samples shown whose prediction is wrong (classification).
    int wrongCount() const;
    /// Marks the samples shown that are of class `trueClass` and were predicted as
    /// `predictedClass` (a confusion matrix cell): the others are drawn faint, table rows
    /// selected. -1 clears the mark.
    void markCell(int trueClass, int predictedClass);
    /// The samples the mark holds (empty without one).
    std::vector<int> markedSamples() const;

    QSize sizeHint() const override { return {360, 300}; }

    /// Image data: the text under picture `sample` ("5", or "5 (is 9)" when wrong) and the
    /// rect it is drawn in, wide enough for the whole text unless the widget is narrower than
    /// the longest label; labels never overlap.
    QString labelText(int sample) const;
    QRect labelRect(int sample) const;
    /// The font a label is drawn in (bold when the answer is wrong; smaller than the widget's
    /// when that gives clearly bigger pictures, never below 10 px).
    QFont labelFont(int sample) const;
    /// Image data: the sample whose picture or label is at `point`, or -1.
    int sampleAt(const QPoint& point) const;

signals:
    /// A picture was clicked (to follow that sample through the network).
    void sampleClicked(int sample);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fillTable();
    /// Whether `sample` is of the marked cell (markCell).
    bool marked(int sample) const;
    /// Selects the marked rows of the table.
    void showMark();
    /// Geometry of the picture grid, chosen for the largest pictures whose columns are still
    /// as wide as the longest label.
    struct Grid {
        int columns = 1;
        int rows = 1;
        int cell = 0;         ///< side of a picture's square
        int pitch = 0;        ///< horizontal distance between columns (>= cell, >= label width)
        int label = 0;        ///< height of the label line
        int labelPixels = 0;  ///< pixel size of the label font; 0: the widget's font
        int labelWidth = 0;   ///< the widest label
        int count = 0;        ///< the samples shown: the first ones that fit
        int left = 0;
        int top = 0;
    };
    /// The grid of all samples, or of the first ones when the pictures would be smaller than
    /// kMinCell (long class names leave room for few columns).
    Grid grid() const;
    Grid gridFor(int count) const;
    void updateSummary();
    /// Smaller pictures are hard to make out on a projector: the grid shows fewer samples.
    static constexpr int kMinCell = 40;
    bool isWrong(int sample) const;
    QFont labelFont(int sample, int pixelSize) const;
    bool isKnown(int sample) const;

    QLabel* m_summary;
    QTableWidget* m_table;
    TrainingSnapshot m_snapshot;
    bool m_images = false;
    int m_markTrue = -1, m_markPredicted = -1;  // the cell marked, -1 for none
    int m_markGeneration = -1;
    int m_tableGeneration = -1;
};

}  // namespace nnplay::ui
