// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QString>
#include <QTest>
#include <functional>
#include <string>

#include "Types.h"

namespace nnplay::test {

/// Runs `action`, which must throw InputError; returns its message ("" and a failed check if
/// it throws nothing or something else).
inline QString inputErrorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const InputError& error) {
        return QString::fromStdString(error.what());
    } catch (const std::exception& error) {
        return QStringLiteral("<not an InputError: %1>").arg(error.what());
    }
    return QStringLiteral("<no exception>");
}

/// Writes bytes to a file, returns false on failure.
inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    return file.write(bytes) == bytes.size();
}

}  // namespace nnplay::test
