// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editor/CanvasButtonItem.h"

namespace nnplay::ui {

/// The round − / + button in a dense layer's header: clicking asks the NetworkScene to change
/// the layer's units by `delta` (one undo step per click).
class UnitButtonItem : public CanvasButtonItem {
public:
    enum { Type = UserType + 7 };
    static constexpr double kSize = 26;

    UnitButtonItem(int layerId, int delta, bool enabled, QGraphicsItem* parent);

    int type() const override { return Type; }
    int layerId() const { return m_layerId; }
    int delta() const { return m_delta; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void clicked() override;

private:
    int m_layerId;
    int m_delta;
};

}  // namespace nnplay::ui
