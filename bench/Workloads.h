// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>
#include <vector>

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

/// W1-W4 from bench/peers/README.md, on the engine alone.
std::vector<Workload> engineWorkloads();

}  // namespace nnplay::bench
