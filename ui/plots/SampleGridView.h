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

    QSize sizeHint() const override { return {360, 300}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void fillTable();
    /// Cell geometry of the picture grid: columns, rows and the side of one cell.
    void gridGeometry(int& columns, int& rows, int& cell) const;

    QLabel* m_summary;
    QTableWidget* m_table;
    TrainingSnapshot m_snapshot;
    bool m_images = false;
    int m_tableGeneration = -1;
};

}  // namespace nnplay::ui
