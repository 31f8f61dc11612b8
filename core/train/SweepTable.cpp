// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SweepTable.h"

#include <cmath>

#include "data/CsvCell.h"

namespace nnplay {

std::vector<std::string> SweepTable::columns() const {
    std::vector<std::string> names{"value", "train_loss"};
    if (m_validation) names.push_back("val_loss");
    names.push_back("test_loss");
    if (m_task == Task::Classification) {
        names.push_back("train_accuracy");
        if (m_validation) names.push_back("val_accuracy");
        names.push_back("test_accuracy");
    } else {
        names.insert(names.end(), {"test_mse", "test_r2"});
    }
    names.push_back("best_epoch");
    return names;
}

std::vector<double> SweepTable::numbers(const SweepRow& row) const {
    std::vector<double> cells{row.trainLoss};
    if (m_validation) cells.push_back(row.valLoss);
    cells.push_back(row.testLoss);
    if (m_task == Task::Classification) {
        cells.push_back(row.trainAccuracy);
        if (m_validation) cells.push_back(row.valAccuracy);
        cells.push_back(row.testAccuracy);
    } else {
        cells.insert(cells.end(), {row.testMse, row.testR2});
    }
    cells.push_back(row.bestEpoch);
    return cells;
}

std::string SweepTable::csv() const {
    std::string out = CsvCell::line(columns());
    for (const SweepRow& row : m_rows) {
        std::vector<std::string> cells{row.value};
        for (const double v : numbers(row)) cells.push_back(CsvCell::number(static_cast<float>(v)));
        out += CsvCell::line(cells);
    }
    return out;
}

double SweepTable::trainError(const SweepRow& row) const {
    return m_task == Task::Classification ? 1.0 - row.trainAccuracy : row.trainLoss;
}

double SweepTable::testError(const SweepRow& row) const {
    return m_task == Task::Classification ? 1.0 - row.testAccuracy : row.testLoss;
}

int SweepTable::bestRow() const {
    int best = -1;
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        const SweepRow& row = m_rows[static_cast<std::size_t>(i)];
        const double loss = m_validation ? row.valLoss : row.testLoss;
        if (row.diverged || !std::isfinite(loss)) continue;
        const SweepRow* current = best < 0 ? nullptr : &m_rows[static_cast<std::size_t>(best)];
        if (!current || loss < (m_validation ? current->valLoss : current->testLoss)) best = i;
    }
    return best;
}

}  // namespace nnplay
