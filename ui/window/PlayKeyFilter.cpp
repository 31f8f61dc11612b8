// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/PlayKeyFilter.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QKeyEvent>

namespace nnplay::ui {

namespace {

/// A spin box or a list box, or the line edit inside one.
bool isNumberOrListField(QObject* object) {
    for (int depth = 0; object && depth < 2; ++depth, object = object->parent()) {
        if (qobject_cast<QAbstractSpinBox*>(object) || qobject_cast<QComboBox*>(object)) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool PlayKeyFilter::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride) return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() != Qt::Key_Space || key->modifiers() != Qt::NoModifier) return false;
    if (!isNumberOrListField(watched)) return false;
    // An ignored override lets the shortcut map trigger the Play action.
    event->ignore();
    return true;
}

}  // namespace nnplay::ui
