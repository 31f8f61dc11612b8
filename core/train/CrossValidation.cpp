// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/CrossValidation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "Random.h"
#include "data/TrainTestSplit.h"

namespace nnplay {

namespace {

/// `b`'s samples after `a`'s, every per-sample part that both have.
Dataset joined(const Dataset& a, const Dataset& b) {
    if (b.sampleCount() == 0) return a;
    Dataset out;
    auto cat = [](const auto& x, const auto& y) {
        std::decay_t<decltype(x)> m(x.rows(), x.cols() + y.cols());
        if (x.size() + y.size() > 0) m << x, y;
        return m;
    };
    out.inputs = cat(a.inputs, b.inputs);
    if (a.targets.size() > 0) out.targets = cat(a.targets, b.targets);
    if (a.points.size() > 0) out.points = cat(a.points, b.points);
    if (a.stepLabels.size() > 0) out.stepLabels = cat(a.stepLabels, b.stepLabels);
    if (a.stepTargets.size() > 0) out.stepTargets = cat(a.stepTargets, b.stepTargets);
    out.labels = a.labels;
    out.labels.insert(out.labels.end(), b.labels.begin(), b.labels.end());
    out.groups = a.groups;
    out.groups.insert(out.groups.end(), b.groups.begin(), b.groups.end());
    return out;
}

}  // namespace

CrossValidation::CrossValidation(const Project& project, DataSplit data, int folds)
    : m_project(project), m_data(std::move(data)), m_folds(folds) {
    if (project.task == Task::Gan)
        throw InputError("cross-validation needs a classification or regression project, not a GAN");
    if (folds < 2 || folds > kMaxFolds)
        throw InputError("the number of folds must be from 2 to " + std::to_string(kMaxFolds) +
                         ", not " + std::to_string(folds));
    m_pool = joined(m_data.train, m_data.validation);
    const int samples = m_pool.sampleCount();
    if (folds > samples)
        throw InputError(std::to_string(folds) + " folds need at least as many training samples; " +
                         "the training part has " + std::to_string(samples));
    std::vector<int> order(static_cast<std::size_t>(samples));
    std::iota(order.begin(), order.end(), 0);
    Random random(project.data.seed ^ 0x6b666f6cu);  // "kfol": its own stream of the data seed
    random.shuffle(order);
    if (project.task == Task::Classification && !m_pool.labels.empty()) {
        // Each class dealt round-robin, continuing where the last class stopped, so fold sizes
        // differ by one at most and every fold has each class's share.
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
            return m_pool.labels[static_cast<std::size_t>(x)] <
                   m_pool.labels[static_cast<std::size_t>(y)];
        });
    }
    m_foldSamples.assign(static_cast<std::size_t>(folds), {});
    for (std::size_t i = 0; i < order.size(); ++i)
        m_foldSamples[i % static_cast<std::size_t>(folds)].push_back(order[i]);
}

const std::vector<int>& CrossValidation::foldSamples(int fold) const {
    return m_foldSamples.at(static_cast<std::size_t>(fold));
}

DataSplit CrossValidation::foldData(int fold) const {
    std::vector<int> rest;
    for (int f = 0; f < m_folds; ++f)
        if (f != fold) {
            const auto& samples = foldSamples(f);
            rest.insert(rest.end(), samples.begin(), samples.end());
        }
    std::sort(rest.begin(), rest.end());
    DataSplit split;
    split.info = m_data.info;
    split.train = selectSamples(m_pool, rest);
    split.validation = selectSamples(m_pool, foldSamples(fold));
    split.test = m_data.test;
    split.standardizer = m_data.standardizer;
    split.targetStandardizer = m_data.targetStandardizer;
    return split;
}

std::vector<CrossValidation::Summary> CrossValidation::run(const FoldReport& onFold) {
    std::vector<std::vector<Session::Figure>> figures;
    Project fresh = m_project;
    for (NamedNetwork& network : fresh.networks) network.spec.clearParams();
    fresh.history = History();
    for (int fold = 0; fold < m_folds; ++fold) {
        std::unique_ptr<Session> session = makeSession(fresh, foldData(fold));
        session->run(fresh.training.epochs);
        figures.push_back(session->results());
        if (onFold && !onFold(fold, figures.back())) break;
    }
    return summarize(figures);
}

std::vector<CrossValidation::Summary> CrossValidation::summarize(
    const std::vector<std::vector<Session::Figure>>& folds) {
    std::vector<Summary> out;
    if (folds.empty()) return out;
    for (std::size_t i = 0; i < folds.front().size(); ++i) {
        if (folds.front()[i].list) continue;  // an ensemble's members: no one figure
        Summary summary;
        summary.name = folds.front()[i].name;
        for (const auto& fold : folds)
            summary.perFold.push_back(i < fold.size() ? fold[i].value : NAN);
        const double n = static_cast<double>(summary.perFold.size());
        summary.mean = std::accumulate(summary.perFold.begin(), summary.perFold.end(), 0.0) / n;
        double squares = 0.0;
        for (double v : summary.perFold) squares += (v - summary.mean) * (v - summary.mean);
        summary.spread = std::sqrt(squares / n);
        out.push_back(std::move(summary));
    }
    return out;
}

}  // namespace nnplay
