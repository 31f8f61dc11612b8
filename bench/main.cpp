// SPDX-License-Identifier: GPL-3.0-or-later
// nnplay-bench: the engine on the benchmark workloads of bench/peers (W1-W8).
//   nnplay-bench [--reps N] [--only W1,W2] [--threads N] [--gui SECONDS] [--json FILE]
// --gui also measures W2 in the window (offscreen when there is no display); --threads lets
// convolutions use N threads (1 by default, as the peers' one-thread figures).
#include <QApplication>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "GuiWorkload.h"
#include "ThreadPool.h"
#include "Workloads.h"
#include "io/ProjectFile.h"

using namespace nnplay::bench;

int main(int argc, char** argv) {
    int reps = 7;
    int threads = 1;
    double guiSeconds = 0;
    std::string only, jsonPath;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--reps" && i + 1 < argc)
            reps = std::max(1, std::atoi(argv[++i]));
        else if (a == "--only" && i + 1 < argc)
            only = argv[++i];
        else if (a == "--json" && i + 1 < argc)
            jsonPath = argv[++i];
        else if (a == "--threads" && i + 1 < argc)
            threads = std::max(1, std::atoi(argv[++i]));
        else if (a == "--gui" && i + 1 < argc)
            guiSeconds = std::atof(argv[++i]);
        else {
            std::cerr << "usage: nnplay-bench [--reps N] [--only W1,W2] [--threads N] "
                         "[--gui SECONDS] [--json FILE]\n";
            return 2;
        }
    }
    nnplay::ThreadPool::shared().setThreadCount(threads);
    std::unique_ptr<QApplication> app;
    std::vector<Workload> workloads = engineWorkloads();
    if (guiSeconds > 0) {
        if (!std::getenv("DISPLAY") && !std::getenv("QT_QPA_PLATFORM"))
            setenv("QT_QPA_PLATFORM", "offscreen", 1);
        app = std::make_unique<QApplication>(argc, argv);
        workloads.push_back({"W2-GUI", "W2 in the window, boundary at 100x100",
                             [guiSeconds](int) { return guiW2(guiSeconds); }});
    }
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const Workload& w : workloads) {
        if (!only.empty() && ("," + only + ",").find("," + w.id + ",") == std::string::npos)
            continue;
        for (const Figure& f : w.run(reps)) {
            std::printf("%-3s nnplay %16s: median %12.4g %s  [min %.4g, max %.4g] n=%d",
                        f.workload.c_str(), f.metric.c_str(), f.median, f.unit.c_str(), f.min,
                        f.max, f.repetitions);
            nlohmann::ordered_json row{{"peer", "nnplay"},   {"threads", threads},
                                       {"dtype", "float32"}, {"workload", f.workload},
                                       {"metric", f.metric}, {"unit", f.unit},
                                       {"median", f.median}, {"min", f.min},
                                       {"max", f.max},       {"n", f.repetitions}};
            for (const auto& [key, value] : f.extra) {
                std::printf(" %s=%.4g", key.c_str(), value);
                row[key] = value;
            }
            std::printf("\n");
            std::fflush(stdout);
            results.push_back(row);
        }
    }
    if (!jsonPath.empty())
        nnplay::ProjectFile::writeFileAtomically(jsonPath, results.dump(1) + "\n");
    return 0;
}
