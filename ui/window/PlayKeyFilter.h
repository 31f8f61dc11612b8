// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace nnplay::ui {

/// Lets Space reach the Play shortcut while a number field or a list box has the focus: after
/// typing a learning rate or picking an optimizer, Space plays, as it does anywhere else in
/// the window. Those fields never take a space as input (a list box still opens with Alt+Down
/// or a click). Installed on the application by MainWindow.
class PlayKeyFilter : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace nnplay::ui
