// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProgramRun.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>

namespace nnplay::test {

QStringList ProgramRun::outLines() const { return out.split('\n', Qt::SkipEmptyParts); }

QJsonObject ProgramRun::result() const {
    const QStringList lines = outLines();
    if (lines.isEmpty()) return {};
    return QJsonDocument::fromJson(lines.last().toUtf8()).object();
}

QString ProgramRun::describe() const {
    return QStringLiteral("exit %1\n--- stdout:\n%2--- stderr:\n%3").arg(exitCode).arg(out, err);
}

ProgramRun runProgram(const QString& program, const QStringList& args, const QString& workDir) {
    QProcess process;
    if (!workDir.isEmpty()) process.setWorkingDirectory(workDir);
    process.start(program, args);
    ProgramRun run;
    if (!process.waitForStarted(10000)) {
        run.err = "could not start " + program;
        return run;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(600000)) {
        process.kill();
        process.waitForFinished();
        run.err = program + " timed out";
        return run;
    }
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    return run;
}

ProgramRun runCli(const QStringList& args, const QString& workDir) {
    return runProgram(QString::fromUtf8(NNPLAY_CLI_PATH), args, workDir);
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QJsonObject layer(const QString& type, int units) {
    QJsonObject l{{"type", type}};
    if (units > 0) l["units"] = units;
    return l;
}

QString writeProject(const QTemporaryDir& dir, const QString& name, const QJsonObject& project) {
    const QString path = dir.filePath(name);
    return writeFile(path, QJsonDocument(project).toJson()) ? path : QString();
}

}  // namespace nnplay::test
