// SPDX-License-Identifier: GPL-3.0-or-later
// Running nnplay-cli (and other programs) from the command-line tests.
#pragma once

#include <QJsonObject>
#include <QTemporaryDir>
#include <QString>
#include <QStringList>

namespace nnplay::test {

/// What one run of a program did.
struct ProgramRun {
    int exitCode = -1;  ///< -2 when it crashed, -1 when it did not start or timed out
    QString out;
    QString err;

    QStringList outLines() const;
    /// The JSON object on the last line of the output, or an empty object when it is none.
    QJsonObject result() const;
    /// For failure messages.
    QString describe() const;
};

/// Runs `program` with `args` in `workDir` (stdin closed, stdout a pipe); gives up after
/// ten minutes.
ProgramRun runProgram(const QString& program, const QStringList& args, const QString& workDir = {});
/// Runs the nnplay-cli under test.
ProgramRun runCli(const QStringList& args, const QString& workDir = {});

/// Writes `bytes` to `path`, replacing it.
bool writeFile(const QString& path, const QByteArray& bytes);

/// A layer of a project's JSON: its type and, when above 0, its units.
QJsonObject layer(const QString& type, int units = 0);
/// Writes `project` as `name` in `dir`; its path, or empty when it cannot be written.
QString writeProject(const QTemporaryDir& dir, const QString& name, const QJsonObject& project);

}  // namespace nnplay::test
