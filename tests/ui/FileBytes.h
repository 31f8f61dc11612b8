// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing whole files in widget tests.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace nnplay::test {

/// The whole file, or nothing when it cannot be read.
inline QByteArray readBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Replaces the file's content; false when it cannot be written whole.
[[nodiscard]] inline bool writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

}  // namespace nnplay::test
