// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "Project.h"

namespace nnplay::bench {

/// One measured figure: the median and range over the timed repetitions.
struct Figure {
    std::string workload;  ///< "W1"
    std::string metric;    ///< "train_samples/s"
    std::string unit;
    double median = 0, min = 0, max = 0;
    int repetitions = 0;
    /// Extra values worth printing (accuracy after training, points per grid).
    std::vector<std::pair<std::string, double>> extra;
};

struct Workload {
    std::string id;
    std::string description;
    std::function<std::vector<Figure>(int repetitions)> run;
};

/// W1-W8 from bench/peers/README.md, on the engine alone.
std::vector<Workload> engineWorkloads();

/// W2's project: spiral, 1000 training points, 2-64-64-64-1 ReLU, sigmoid + bce, Adam 1e-3,
/// batch 32, PyTorch's initialisation.
Project spiralProject();

/// Median and range of a set of values.
Figure summarize(const std::string& workload, const std::string& metric, const std::string& unit,
                 std::vector<double> values);

}  // namespace nnplay::bench
