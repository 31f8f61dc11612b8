// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"
#include "train/Session.h"

namespace nnplay {

/// k-fold cross-validation for small data sets: the training part (with the validation part, if
/// any) is cut into k folds; each fold in turn is held out as the validation part while a model
/// trains from fresh weights on the others, for training.epochs (early stopping watches the
/// held-out fold). The test part is not touched by the folds; each fold's model is measured on
/// it too. Classification folds are stratified: each class is dealt round-robin over the
/// folds after a seeded shuffle, as scikit-learn's StratifiedKFold keeps class shares.
/// Inputs keep the standardisation learned from the whole training part.
class CrossValidation {
public:
    /// The most folds; at least 2.
    static constexpr int kMaxFolds = 20;

    /// One figure over the folds.
    struct Summary {
        std::string name;  ///< as Session::results names it: "val_accuracy", "test_loss", ...
        std::vector<double> perFold;
        double mean = 0.0;
        /// Standard deviation over the folds (population, as numpy's std); NaN when any fold
        /// has none.
        double spread = 0.0;
    };

    /// Checks the fold count against the data (InputError: fewer than 2 or more than
    /// kMaxFolds folds, more folds than training samples, a GAN project).
    CrossValidation(const Project& project, DataSplit data, int folds);

    int folds() const { return m_folds; }
    /// The samples of fold `fold` (indices into the pooled training samples).
    const std::vector<int>& foldSamples(int fold) const;
    /// The data fold `fold` trains and validates on.
    DataSplit foldData(int fold) const;

    /// Trains every fold in turn; `onFold(fold, figures)` hears of each finished one (its
    /// Session::results) and may stop the rest by returning false. Returns the summary of each
    /// figure, in report order, over the folds trained.
    using FoldReport = std::function<bool(int fold, const std::vector<Session::Figure>& figures)>;
    std::vector<Summary> run(const FoldReport& onFold = {});

    /// The summaries of figures of several folds (each fold's figures in the same order).
    static std::vector<Summary> summarize(
        const std::vector<std::vector<Session::Figure>>& folds);

private:
    Project m_project;
    DataSplit m_data;
    Dataset m_pool;
    int m_folds;
    std::vector<std::vector<int>> m_foldSamples;
};

}  // namespace nnplay
