// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SnapshotBuilder.h"

#include <algorithm>

#include "layers/LayerRegistry.h"
#include "train/Session.h"

namespace nnplay::ui {

std::shared_ptr<const DataPreview> SnapshotBuilder::makePreview(const DataSplit& split,
                                                                const NetworkSpec& network) {
    auto preview = std::make_shared<DataPreview>();
    preview->info = split.info;
    preview->outputKind = LayerRegistry::builtin().outputKind(network);
    preview->trainPoints = split.train.points;
    preview->testPoints = split.test.points;
    preview->trainLabels = split.train.labels;
    preview->testLabels = split.test.labels;
    preview->trainGroups = split.train.groups;
    preview->testGroups = split.test.groups;
    preview->trainTargets = split.train.targets;
    preview->testTargets = split.test.targets;

    const Dataset& test = split.test;
    const int n = std::min(DataPreview::kSampleCount, test.sampleCount());
    preview->sampleInputs = test.inputs.leftCols(n);
    const Standardizer& s = split.standardizer;
    if (s.active() && s.mean.size() == preview->sampleInputs.rows()) {
        for (Eigen::Index c = 0; c < n; ++c) {
            preview->sampleInputs.col(c) =
                preview->sampleInputs.col(c).cwiseProduct(s.scale) + s.mean;
        }
    }
    if (!test.labels.empty()) {
        preview->sampleLabels.assign(test.labels.begin(), test.labels.begin() + n);
    }
    if (test.targets.size() > 0) preview->sampleTargets = test.targets.leftCols(n);
    if (split.info.imageShape.size() > 0 && !split.info.imageShape.isFlat())
        preview->trainSampleInputs = split.train.inputs.leftCols(
            std::min(DataPreview::kAugmentedCount, split.train.sampleCount()));
    return preview;
}

void SnapshotBuilder::fill(Session& session, const SnapshotRequest& request,
                           TrainingSnapshot& snapshot) {
    snapshot.epoch = session.epoch();
    snapshot.batches = session.totalSteps();
    snapshot.batchesPerEpoch = session.stepsPerEpoch();
    const History& history = session.history();
    if (m_sentRows > history.size()) m_sentRows = 0;
    snapshot.historyStart = m_sentRows;
    snapshot.newHistory = history.rowsFrom(m_sentRows);
    m_sentRows = history.size();
    if (session.stopped()) snapshot.stopMessage = QString::fromStdString(session.stopMessage());
    snapshot.diverged = session.stopReason() == StopReason::Diverged;
    snapshot.restoredEpoch = session.restoredEpoch();
    session.fillViews(request, snapshot);
}

}  // namespace nnplay::ui
