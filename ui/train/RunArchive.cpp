// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/RunArchive.h"

#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

RunArchive::RunArchive(QObject* parent) : QObject(parent) { nameCurrent(); }

void RunArchive::track(const TrainingSnapshot& snapshot) {
    if (snapshot.generation != m_generation) {
        m_generation = snapshot.generation;
        // A session that starts where the current run's rows end goes on with its weights.
        const bool goesOn =
            snapshot.historyStart > 0 && snapshot.historyStart == m_current.history.size();
        if (!goesOn) {
            finishCurrent();
        }
    }
    const std::size_t size = m_current.history.size();
    if (snapshot.historyStart < size) m_current.history.truncate(snapshot.historyStart);
    const bool grew = !snapshot.newHistory.empty();
    m_current.history.append(snapshot.newHistory);
    const bool divergedNow = snapshot.valid && snapshot.diverged;
    const bool news = grew || divergedNow != m_current.diverged;
    m_current.diverged = divergedNow;
    if (news) emit changed();
}

void RunArchive::finishCurrent() {
    if (!m_current.history.empty()) {
        m_runs.push_back(m_current);
        if (static_cast<int>(m_runs.size()) > kMaxRuns) m_runs.erase(m_runs.begin());
        ++m_finished;
        m_current = Run{};
        nameCurrent();
        emit changed();
    }
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
    const QString base = m_runName.isEmpty() ? tr("Run %1").arg(m_finished + 1) : m_runName;
    auto taken = [this](const QString& name) {
        for (const Run& run : m_runs)
            if (run.name == name) return true;
        return false;
    };
    QString name = base;
    for (int n = 2; taken(name); ++n) name = tr("%1 (%2)").arg(base).arg(n);
    m_current.name = name;
}

void RunArchive::reset() {
    m_runs.clear();
    m_current = Run{};
    m_finished = 0;
    nameCurrent();
    emit changed();
}

void RunArchive::clear() {
    if (m_runs.empty()) return;
    m_runs.clear();
    emit changed();
}

}  // namespace nnplay::ui
