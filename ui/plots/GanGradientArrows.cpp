// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/GanGradientArrows.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#include "plots/PlotStyle.h"
#include "style/UiScale.h"

namespace nnplay::ui {

namespace {

QColor arrowColor() {
    QColor color = PlotStyle::generatedSampleColor().darker(150);
    color.setAlphaF(0.55);
    return color;
}

}  // namespace

GanGradientArrows::GanGradientArrows(QCustomPlot* plot, QCPLayer* layer, double longestShare)
    : m_plot(plot), m_layer(layer), m_longestShare(longestShare) {}

void GanGradientArrows::style(QCPItemLine* arrow) {
    arrow->setHead(
        QCPLineEnding(QCPLineEnding::esSpikeArrow, 4 * UiScale::factor(), 5 * UiScale::factor()));
    arrow->setPen(PlotStyle::pen(arrowColor(), 0.8));
}

void GanGradientArrows::restyle() {
    for (QCPItemLine* line : m_arrows) style(line);
}

QCPItemLine* GanGradientArrows::item(std::size_t index) {
    while (m_arrows.size() <= index) {
        auto* line = new QCPItemLine(m_plot);
        line->setLayer(m_layer);
        line->setSelectable(false);
        style(line);
        m_arrows.push_back(line);
    }
    return m_arrows[index];
}

void GanGradientArrows::update(const nnplay::Matrix& generated, const nnplay::Matrix& gradients) {
    const bool has =
        generated.rows() >= 2 && gradients.rows() >= 2 && gradients.cols() == generated.cols();
    const Eigen::Index n = has ? generated.cols() : 0;
    double longest = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double norm = std::hypot(gradients(0, i), gradients(1, i));
        if (std::isfinite(norm)) longest = std::max(longest, norm);
    }
    m_arrowOf.assign(static_cast<std::size_t>(n), -1);
    std::size_t used = 0;
    if (longest > 0.0) {
        const double side = std::min(m_plot->xAxis->range().size(), m_plot->yAxis->range().size());
        const double scale = m_longestShare * side / longest;
        for (Eigen::Index i = 0; i < n; ++i) {
            const double gx = gradients(0, i), gy = gradients(1, i);
            const double norm = std::hypot(gx, gy);
            const double x = generated(0, i), y = generated(1, i);
            if (!std::isfinite(norm) || norm <= 0.0 || !std::isfinite(x) || !std::isfinite(y))
                continue;
            // The generator moves its sample against the gradient of its loss.
            QCPItemLine* arrow = item(used);
            arrow->start->setCoords(x, y);
            arrow->end->setCoords(x - scale * gx, y - scale * gy);
            arrow->setVisible(true);
            m_arrowOf[static_cast<std::size_t>(i)] = static_cast<int>(used);
            ++used;
        }
    }
    for (std::size_t k = used; k < m_arrows.size(); ++k) m_arrows[k]->setVisible(false);
}

int GanGradientArrows::count() const {
    return static_cast<int>(std::count_if(m_arrows.begin(), m_arrows.end(),
                                          [](QCPItemLine* a) { return a->visible(); }));
}

QLineF GanGradientArrows::arrow(int i) const {
    if (i < 0 || i >= static_cast<int>(m_arrowOf.size())) return {};
    const int index = m_arrowOf[static_cast<std::size_t>(i)];
    if (index < 0) return {};
    const QCPItemLine* line = m_arrows[static_cast<std::size_t>(index)];
    return {line->start->coords(), line->end->coords()};
}

}  // namespace nnplay::ui
