// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nnplay::ui {

/// Shows `value` in a spin box or slider even when a file holds one outside the control's
/// usual range: the range widens rather than the control silently showing its limit instead
/// of what training uses. Call with the control's signals blocked.
template <typename Control, typename Value>
void showValue(Control* control, Value value) {
    if (value < control->minimum()) control->setMinimum(value);
    if (value > control->maximum()) control->setMaximum(value);
    control->setValue(value);
}

}  // namespace nnplay::ui
