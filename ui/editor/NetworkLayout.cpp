// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/NetworkLayout.h"

#include <algorithm>

namespace nnplay::ui {

double NetworkLayout::widthOf(Kind kind) {
    switch (kind) {
        case Kind::Features:
            return kFeatureLabelWidth + kNodeSize + 6;
        case Kind::InputBlock:
            return 120;
        case Kind::Neurons:
            return kNeuronSize + 34;
        case Kind::Block:
            return 104;
        case Kind::Chip:
            return 68;
        case Kind::Output:
            return 104;
    }
    return 100;
}

std::vector<QRectF> NetworkLayout::nodeRects(const QRectF& column, Kind kind, int count) {
    std::vector<QRectF> rects;
    if (count <= 0) return rects;
    if (kind == Kind::Features) {
        const double top = kContentTop + (kContentHeight - count * kNodePitch) / 2;
        for (int i = 0; i < count; ++i) {
            rects.emplace_back(column.right() - kNodeSize - 4,
                               top + i * kNodePitch + (kNodePitch - kNodeSize) / 2, kNodeSize,
                               kNodeSize);
        }
    } else if (kind == Kind::Neurons || kind == Kind::Output) {
        // Neurons keep the inputs' pitch while they fit, then shrink to fill the band.
        const double maxSize = kind == Kind::Output ? (count == 1 ? 84.0 : 60.0) : kNeuronSize;
        const double pitch = std::min(maxSize + 12, kContentHeight / count);
        const double size = std::min(maxSize, pitch - std::max(4.0, pitch * 0.2));
        const double top = kContentTop + (kContentHeight - count * pitch) / 2;
        for (int i = 0; i < count; ++i) {
            rects.emplace_back(column.center().x() - size / 2, top + i * pitch + (pitch - size) / 2,
                               size, size);
        }
    }
    return rects;
}

void NetworkLayout::compute(const ColumnRequest& input, const std::vector<ColumnRequest>& layers,
                            const ColumnRequest& output) {
    const double height = kFooterTop + kFooterHeight;
    double x = 0;
    Kind previous = input.kind;
    auto place = [&](const ColumnRequest& request) {
        if (&request != &input)
            x += previous == Kind::Chip || request.kind == Kind::Chip ? kChipGap : kColumnGap;
        previous = request.kind;
        Column column;
        column.kind = request.kind;
        column.rect = QRectF(x, 0, widthOf(request.kind), height);
        column.nodes = nodeRects(column.rect, request.kind, request.nodes);
        x += column.rect.width();
        return column;
    };
    m_input = place(input);
    m_layers.clear();
    for (const ColumnRequest& request : layers) m_layers.push_back(place(request));
    m_output = place(output);
}

QRectF NetworkLayout::bounds() const {
    QRectF rect = m_input.rect.united(m_output.rect);
    for (const Column& column : m_layers) rect = rect.united(column.rect);
    return rect;
}

QPointF NetworkLayout::insertionPoint(int index) const {
    index = std::clamp(index, 0, layerCount());
    const double left = index == 0 ? m_input.rect.right() : layer(index - 1).rect.right();
    const double right = index == layerCount() ? m_output.rect.left() : layer(index).rect.left();
    return {(left + right) / 2, centerY()};
}

int NetworkLayout::insertionIndexAt(const QPointF& scenePos) const {
    int index = 0;
    for (const Column& column : m_layers) {
        if (column.rect.center().x() < scenePos.x()) ++index;
    }
    return index;
}

}  // namespace nnplay::ui
