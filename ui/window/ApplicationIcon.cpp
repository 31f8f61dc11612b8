// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/ApplicationIcon.h"

#include <QString>

/// The resources live in the nnplay_ui library; referring to them keeps the linker from
/// dropping them. Q_INIT_RESOURCE must be used outside any namespace, even an unnamed one.
static void loadResources() { Q_INIT_RESOURCE(resources); }

namespace nnplay::ui {

QIcon applicationIcon() {
    loadResources();
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/nnplay-%1.png").arg(size), QSize(size, size));
    return icon;
}

}  // namespace nnplay::ui
