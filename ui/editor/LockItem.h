// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editor/CanvasButtonItem.h"

namespace nnplay::ui {

/// The padlock on the corner of a layer with weights: closed when the layer is frozen (training
/// leaves its weights as they are), open otherwise. A click asks the NetworkScene to freeze or
/// unfreeze the layer (one undo step).
class LockItem : public CanvasButtonItem {
public:
    enum { Type = UserType + 9 };
    static constexpr double kSize = 34;

    LockItem(int layerId, bool frozen, QGraphicsItem* parent);

    int type() const override { return Type; }
    int layerId() const { return m_layerId; }
    bool frozen() const { return m_frozen; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void clicked() override;

private:
    int m_layerId;
    bool m_frozen;
};

}  // namespace nnplay::ui
