// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <memory>

#include "train/AugmentationSpec.h"
#include "train/DataPreview.h"

namespace nnplay::ui {

/// What augmentation does to the training samples, drawn with the settings of the document
/// (nnplay::Augmenter, its own fixed seed): for images, a training picture as stored and beside
/// it copies changed as a batch would change them; for 2-D data, the training points as stored
/// (grey) under their jittered copies (in their class colours). A click draws other random
/// copies (of the next of the first few training pictures). Empty (no height) for data that take
/// no augmentation.
class AugmentationPreview : public QWidget {
    Q_OBJECT
public:
    /// Pictures per row: the stored one and this many changed copies.
    static constexpr int kCopies = 4;
    /// Jittered copies drawn of each training point.
    static constexpr int kPointCopies = 2;

    explicit AugmentationPreview(QWidget* parent = nullptr);

    /// The data of the session (the training pictures or points; nullptr for none).
    void setData(std::shared_ptr<const DataPreview> data);
    /// The settings to show (the document's training.augmentation).
    void setSpec(const nnplay::AugmentationSpec& spec);
    const nnplay::AugmentationSpec& spec() const { return m_spec; }

    /// What is drawn: images, points or nothing.
    nnplay::AugmentedData shows() const;
    /// Rows of pictures shown: 1 for images, else 0.
    int pictureRows() const;
    /// Which of DataPreview::trainSampleInputs the strip shows.
    int shownSample() const;
    /// The changed copy `copy` (0..kCopies-1) of row `row` (0) as the strip draws it (pixel values,
    /// one picture), or the jittered points (2 x n) for 2-D data: what a test compares.
    nnplay::Vector copyOf(int row, int copy) const;
    nnplay::Matrix jitteredPoints() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    /// Draws the copies again from the settings and the data.
    void rebuild();
    void paintImages(QPainter& painter);
    void paintPoints(QPainter& painter);

    std::shared_ptr<const DataPreview> m_data;
    nnplay::AugmentationSpec m_spec;
    unsigned m_draw = 0;                   // clicks so far: each draws other copies
    std::vector<nnplay::Vector> m_copies;  // row-major: row * kCopies + copy
    nnplay::Matrix m_points;               // 2 x (kPointCopies * training points)
};

}  // namespace nnplay::ui
