// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Sweep.h"

#include "io/RunSettings.h"

#include <algorithm>
#include <cmath>

#include "data/DataLoader.h"

namespace nnplay {

namespace {

double figureOf(const std::vector<Session::Figure>& figures, const std::string& name) {
    const auto it = std::find_if(figures.begin(), figures.end(),
                                 [&](const Session::Figure& f) { return f.name == name; });
    return it == figures.end() ? NAN : it->value;
}

SweepTable makeTable(const Project& project, const std::vector<Project>& projects) {
    const bool validation = std::any_of(projects.begin(), projects.end(), [](const Project& p) {
        return p.data.validationFraction > 0.0;
    });
    return SweepTable(project.task, validation);
}

std::vector<Project> buildProjects(const SweepSetting& setting,
                                   const std::vector<std::string>& values) {
    if (values.empty())
        throw InputError("a sweep of " + setting.key() + " needs at least one value");
    std::vector<Project> projects;
    for (const std::string& value : values) projects.push_back(setting.apply(value));
    return projects;
}

}  // namespace

Sweep::Sweep(const Project& project, const std::string& key, std::vector<std::string> values,
             std::string baseDir)
    : m_setting(project, key),
      m_values(std::move(values)),
      m_projects(buildProjects(m_setting, m_values)),
      m_baseDir(std::move(baseDir)),
      m_table(makeTable(project, m_projects)) {}

Sweep::~Sweep() = default;

bool Sweep::step() {
    if (finished()) return false;
    const Project& project = m_projects[m_next];
    const std::string& value = m_values[m_next];
    try {
        if (!m_session) {
            if (!m_dataSpec || !(*m_dataSpec == project.data)) {
                m_data = loadData(project.data, project.task, m_baseDir);
                m_dataSpec = project.data;
            }
            m_session = makeSession(project, m_data);
        }
        if (m_session->epoch() < project.training.epochs && !m_session->stopped()) {
            m_session->step();
            if (m_session->epoch() < project.training.epochs && !m_session->stopped()) return false;
        }
        m_table.add(finishRun());
    } catch (const InputError& e) {
        m_session.reset();
        throw InputError(m_setting.key() + " = " + value + ": " + e.what());
    }
    return true;
}

SweepRow Sweep::finishRun() {
    const std::vector<Session::Figure> figures = m_session->results();
    SweepRow row;
    row.value = m_values[m_next];
    row.trainSamples = m_session->data().train.sampleCount();
    row.epochs = m_session->epoch();
    row.diverged = m_session->stopReason() == StopReason::Diverged;
    row.trainLoss = figureOf(figures, "train_loss");
    row.valLoss = figureOf(figures, "val_loss");
    row.testLoss = figureOf(figures, "test_loss");
    row.trainAccuracy = figureOf(figures, "train_accuracy");
    row.valAccuracy = figureOf(figures, "val_accuracy");
    row.testAccuracy = figureOf(figures, "test_accuracy");
    row.testMse = figureOf(figures, "test_mse");
    row.testR2 = figureOf(figures, "test_r2");
    const double best = figureOf(figures, "best_epoch");
    row.bestEpoch = std::isfinite(best) ? static_cast<int>(best) : 0;
    m_runs.push_back({m_setting.key() + " = " + row.value, RunSettings::of(m_projects[m_next]),
                      m_session->history(), row.diverged});
    m_session.reset();
    ++m_next;
    return row;
}

void Sweep::run(const std::function<bool()>& stopRequested,
                const std::function<void(const SweepRow&)>& onRow) {
    while (!finished()) {
        if (stopRequested && stopRequested()) return;
        if (step() && onRow) onRow(m_table.rows().back());
    }
}

int Sweep::currentEpoch() const { return m_session ? m_session->epoch() : 0; }

int Sweep::currentPlannedEpochs() const {
    return m_next < m_projects.size() ? m_projects[m_next].training.epochs : 0;
}

}  // namespace nnplay
