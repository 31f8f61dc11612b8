// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/GanCommands.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "data/DataLoader.h"
#include "layers/LayerRegistry.h"
#include "train/GanSession.h"
#include "train/NetworkCheck.h"

namespace nnplay::cli {

namespace {

std::string fixed(float v, int digits = 4) {
    if (!std::isfinite(v)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, static_cast<double>(v));
    return buffer;
}

void printGanProgress(const History& history, long long done, long long total, bool terminal) {
    const std::string line = ganProgressLine(history, history.size() - 1);
    if (terminal) {
        const int width = 24;
        const auto filled = static_cast<int>(total ? width * done / total : width);
        std::cout << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] "
                  << line << "   " << std::flush;
    } else {
        std::cout << line << "\n";
    }
}

}  // namespace

std::string ganProgressLine(const History& history, std::size_t row) {
    using namespace HistoryColumn;
    std::ostringstream line;
    line << "step " << fixed(history.value(row, kStep), 0) << "  d_loss "
         << fixed(history.value(row, kDLoss)) << "  g_loss " << fixed(history.value(row, kGLoss));
    if (history.column(kJsDivergence) >= 0)
        line << "  js " << fixed(history.value(row, kJsDivergence));
    // Whole numbers, "-" when a row has none (a cast of NaN to int is undefined).
    if (history.column(kModesCovered) >= 0)
        line << "  modes " << fixed(history.value(row, kModesCovered), 0) << "/"
             << fixed(history.value(row, kModesTotal), 0);
    return line.str();
}

void trainGanSteps(Session& session, long long steps, bool quiet) {
    const bool terminal = ::isatty(STDOUT_FILENO) != 0;
    const long long start = session.steps();
    bool printed = false;
    while (session.steps() - start < steps && !session.stopped()) {
        if (session.step() && !quiet) {
            printGanProgress(session.history(), session.steps() - start, steps, terminal);
            printed = true;
        }
    }
    if (terminal && printed) std::cout << "\n";
}

void printShapeTable(const NetworkSpec& network, const Shape& input, const ShapeReport& report) {
    const LayerRegistry& registry = LayerRegistry::builtin();
    std::printf("%-4s %-14s %-10s %10s\n", "#", "layer", "output", "params");
    std::printf("%-4s %-14s %-10s %10s\n", "", "input", input.toString().c_str(), "");
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        const LayerInfo* info = registry.find(network.layers[i].type);
        const LayerShapeInfo& s = report.layers[i];
        std::printf("%-4zu %-14s %-10s %10s%s\n", i + 1,
                    info ? info->displayName.c_str() : network.layers[i].type.c_str(),
                    s.inferred ? s.output.toString().c_str() : "?",
                    s.inferred ? std::to_string(s.paramCount).c_str() : "?",
                    s.error.empty() ? "" : ("  <- " + s.error).c_str());
    }
}

int validateGan(const Project& project, const std::string& path) {
    // Reading the data checks the target (a CSV file, Fashion-MNIST being installed).
    loadData(project.data, project.task, std::filesystem::path(path).parent_path().string());
    const GanShapeReports reports = checkGanNetworks(project);
    std::printf("generator\n");
    printShapeTable(*project.findNetwork(Project::kGenerator), Shape::flat(project.gan.noise.dim),
                    reports.generator);
    std::printf("discriminator\n");
    printShapeTable(*project.findNetwork(Project::kDiscriminator), ganTargetShape(project.data),
                    reports.discriminator);
    if (!reports.ok()) {
        std::cerr << "nnplay-cli: " << path << ": " << reports.error() << "\n";
        return 2;
    }
    std::printf("total parameters: %lld\n",
                reports.generator.totalParams() + reports.discriminator.totalParams());
    return 0;
}

std::string generateGanSamples(const Project& project, const std::string& baseDir, int count,
                               std::uint32_t seed) {
    GanSession session(project, loadData(project.data, project.task, baseDir));
    Matrix samples;
    session.generate(count, seed, samples);
    std::ostringstream csv;
    const DataInfo& info = session.data().info;
    if (info.isPlane) {
        csv << "x1,x2\n";
    } else {
        const Shape& shape = info.inputShape;
        for (int r = 0; r < shape.height; ++r)
            for (int c = 0; c < shape.width; ++c)
                csv << (r || c ? "," : "") << "pixel_" << r << "_" << c;
        csv << "\n";
    }
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        for (Eigen::Index k = 0; k < samples.rows(); ++k) csv << (k ? "," : "") << samples(k, i);
        csv << "\n";
    }
    return csv.str();
}

}  // namespace nnplay::cli
