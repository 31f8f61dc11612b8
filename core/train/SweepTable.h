// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <vector>

#include "Types.h"

namespace nnplay {

/// The figures of one finished run of a sweep: one value of the swept setting.
struct SweepRow {
    std::string value;     ///< the value as given ("0.01", "adam")
    int trainSamples = 0;  ///< samples the run trained on
    int epochs = 0;        ///< epochs it trained (fewer than planned after a stop)
    bool diverged = false;
    double trainLoss = 0, valLoss = 0, testLoss = 0;              ///< NaN where not measured
    double trainAccuracy = 0, valAccuracy = 0, testAccuracy = 0;  ///< classification
    double testMse = 0, testR2 = 0;                               ///< regression
    int bestEpoch = 0;
};

/// The rows of a sweep and the one CSV both the CLI and the window write: columns value,
/// train_loss, val_loss (with a validation part), test_loss, then for classification
/// train_accuracy, val_accuracy (with validation), test_accuracy, for regression test_mse and
/// test_r2, and best_epoch.
class SweepTable {
public:
    SweepTable(Task task, bool validation) : m_task(task), m_validation(validation) {}

    void add(SweepRow row) { m_rows.push_back(std::move(row)); }
    const std::vector<SweepRow>& rows() const { return m_rows; }
    Task task() const { return m_task; }
    bool hasValidation() const { return m_validation; }

    /// The column names, "value" first.
    std::vector<std::string> columns() const;
    /// The numbers of `row` for columns()[1...] (NaN where not measured).
    std::vector<double> numbers(const SweepRow& row) const;
    /// Header and one line per row (cells by CsvCell).
    std::string csv() const;

    /// The error a learning curve draws: 1 - accuracy for classification, the loss for
    /// regression; on the training or the test part.
    double trainError(const SweepRow& row) const;
    double testError(const SweepRow& row) const;
    /// The row with the lowest validation loss, or without a validation part the lowest test
    /// loss; diverged runs and unmeasured losses never win. -1 when there is none.
    int bestRow() const;

private:
    Task m_task;
    bool m_validation;
    std::vector<SweepRow> m_rows;
};

}  // namespace nnplay
