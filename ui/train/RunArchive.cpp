// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/RunArchive.h"

#include <algorithm>

#include "document/ProjectDocument.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

RunArchive::RunArchive(ProjectDocument* document, QObject* parent)
    : QObject(parent), m_document(document) {
    connect(m_document, &ProjectDocument::projectReplaced, this, &RunArchive::restart);
    connect(m_document, &ProjectDocument::runsChanged, this, &RunArchive::changed);
    nameCurrent();
}

const std::vector<nnplay::RunRecord>& RunArchive::runs() const {
    return m_document->project().runs;
}

void RunArchive::track(const TrainingSnapshot& snapshot) {
    // Sessions of the project before count for nothing (generations only grow).
    if (snapshot.generation <= m_lastOfPrevious) return;
    if (snapshot.generation != m_generation) {
        m_generation = snapshot.generation;
        // A session that starts where the current run's rows end goes on with its weights.
        const bool goesOn =
            snapshot.historyStart > 0 && snapshot.historyStart == m_current.history.size();
        if (!goesOn) finishCurrent();
    }
    const std::size_t size = m_current.history.size();
    if (snapshot.historyStart < size) m_current.history.truncate(snapshot.historyStart);
    const bool grew = !snapshot.newHistory.empty();
    m_current.history.append(snapshot.newHistory);
    if (grew && snapshot.settings) m_current.settings = snapshot.settings;
    const bool divergedNow = snapshot.valid && snapshot.diverged;
    const bool news = grew || divergedNow != m_current.diverged;
    m_current.diverged = divergedNow;
    if (news) emit changed();
}

nnplay::RunRecord RunArchive::currentRecord() const {
    nnplay::RunRecord record;
    record.name = m_current.name.toStdString();
    record.settings = m_current.settings ? *m_current.settings : std::string();
    record.history = m_current.history;
    record.diverged = m_current.diverged;
    return record;
}

void RunArchive::finishCurrent() {
    if (m_current.history.empty()) return;
    const nnplay::RunRecord record = currentRecord();
    m_current = Run{};
    // Emits runsChanged, and so changed().
    m_document->addRun(record);
    nameCurrent();
}

void RunArchive::setRunName(const QString& name) {
    if (name == m_runName) return;
    m_runName = name;
    // A run that has not trained yet takes the new name; one that has keeps the name it
    // was trained under.
    if (m_current.history.empty()) {
        nameCurrent();
        emit changed();
    }
}

void RunArchive::nameCurrent() {
    const std::vector<nnplay::RunRecord>& finished = runs();
    auto taken = [&](const QString& name) {
        const std::string text = name.toStdString();
        for (const nnplay::RunRecord& run : finished)
            if (run.name == text) return true;
        return false;
    };
    QString name = m_runName;
    if (name.isEmpty()) {
        // The first free number after the runs kept, so deleting one never renames the next.
        int n = static_cast<int>(finished.size()) + 1;
        while (taken(tr("Run %1").arg(n))) ++n;
        name = tr("Run %1").arg(n);
    }
    m_current.name = QString::fromStdString(nnplay::uniqueRunName(finished, name.toStdString()));
}

void RunArchive::restart() {
    m_current = Run{};
    m_lastOfPrevious = std::max(m_lastOfPrevious, m_generation);
    nameCurrent();
    emit changed();
}

}  // namespace nnplay::ui
