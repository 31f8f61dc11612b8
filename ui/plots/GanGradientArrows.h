// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineF>
#include <vector>

#include "Types.h"

class QCustomPlot;
class QCPItemLine;
class QCPLayer;

namespace nnplay::ui {

/// Arrows on a GanView's plane showing where the generator moves each generated sample:
/// against the gradient of its loss, the longest a fixed share of the plot's side. Thin and
/// half transparent, so 256 arrows still let the points show through. Owns line items on
/// `layer` of `plot` (both not owned), made as they are needed.
class GanGradientArrows {
public:
    /// `longestShare`: the longest arrow, as a share of the plot's side.
    GanGradientArrows(QCustomPlot* plot, QCPLayer* layer, double longestShare);

    /// One arrow per column of `generated` (2 x n) with a finite, non-zero gradient in the
    /// same column of `gradients`; any other shapes clear them.
    void update(const nnplay::Matrix& generated, const nnplay::Matrix& gradients);
    /// Pens and heads again, at the current UiScale.
    void restyle();

    /// Arrows shown.
    int count() const;
    /// The arrow of generated sample `i`, from the sample to its tip (null when not shown).
    QLineF arrow(int i) const;

private:
    QCPItemLine* item(std::size_t index);
    static void style(QCPItemLine* arrow);

    QCustomPlot* m_plot;
    QCPLayer* m_layer;
    double m_longestShare;
    std::vector<QCPItemLine*> m_arrows;
    /// Per generated sample, its arrow in m_arrows or -1.
    std::vector<int> m_arrowOf;
};

}  // namespace nnplay::ui
