// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nnplay::ui {

/// Merge ids of undo commands: consecutive commands with the same non-negative id become one
/// undo step (typing a learning rate digit by digit, dragging a slider). Every id lives here so
/// two editors never pick the same one by accident.
enum MergeId : int {
    kMergeNone = -1,
    // Training settings (EditTrainingCommand).
    kMergeLearningRate = 1,
    kMergeBatchSize,
    kMergeEpochs,
    kMergeL1,
    kMergeL2,
    kMergeMomentum,
    kMergeRho,
    kMergeBeta1,
    kMergeBeta2,
    kMergeEpsilon,
    kMergePatience,
    kMergeTrainingSeed,
    kMergeEnsembleMembers = 50,
    // Data settings (EditDataCommand).
    kMergeNoise = 100,
    kMergeSamples,
    kMergeTrainFraction,
    kMergeDataSeed,
    kMergeValidationFraction,
    kMergeClassOrGroupShare,
    kMergeSequenceLength,
    kMergeTrainLimit,
    // A weight or bias set by dragging (EditParameterCommand; one drag merges by its number).
    kMergeParameterDrag = 200,
    // GAN settings (EditGanCommand).
    kMergeGanSteps = 300,
    kMergeGanBatchSize,
    kMergeDSteps,
    kMergeGSteps,
    kMergeNoiseDim,
    kMergeMeasureEvery,
    kMergeGanSeed,
    kMergeGeneratorLearningRate,
    kMergeDiscriminatorLearningRate,
    // Augmentation settings (EditTrainingCommand, training.augmentation).
    kMergeAugmentShift = 400,
    kMergeAugmentRotation,
    kMergeAugmentNoise,
    kMergeAugmentJitter,
    // Layer settings (EditNetworkCommand): see layerSettingMergeId().
    kMergeLayerSettingBase = 1000,
};

/// The merge id of edits of one setting (index in LayerInfo::settings) of one layer (its id).
constexpr int layerSettingMergeId(int layerId, int settingIndex) {
    return kMergeLayerSettingBase + layerId * 64 + settingIndex;
}

}  // namespace nnplay::ui
