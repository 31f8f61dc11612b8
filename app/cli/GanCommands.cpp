// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/GanCommands.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "data/CsvTable.h"
#include "data/DataLoader.h"
#include "data/GanTargets.h"
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

namespace {

/// A header of the target's sample columns, then a row per column of `samples`.
std::string samplesCsv(const Project& project, const Matrix& samples) {
    std::ostringstream csv;
    const std::vector<std::string> columns = ganSampleColumns(project.data);
    for (std::size_t c = 0; c < columns.size(); ++c) csv << (c ? "," : "") << columns[c];
    csv << "\n";
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        for (Eigen::Index k = 0; k < samples.rows(); ++k) csv << (k ? "," : "") << samples(k, i);
        csv << "\n";
    }
    return csv.str();
}

}  // namespace

std::string generateGanSamples(const Project& project, const std::string& baseDir, int count,
                               std::uint32_t seed) {
    GanSession session(project, loadData(project.data, project.task, baseDir));
    Matrix samples;
    session.generate(count, seed, samples);
    return samplesCsv(project, samples);
}

std::string generateGanSamples(const Project& project, const std::string& baseDir,
                               const Matrix& noise) {
    GanSession session(project, loadData(project.data, project.task, baseDir));
    Matrix samples;
    session.generateFrom(noise, samples);
    return samplesCsv(project, samples);
}

Matrix readNoiseRows(const std::string& path, int dim) {
    const CsvTable table = CsvTable::readFile(path, false);
    const std::vector<CsvTable::Record>& rows = table.rows();
    float unused = 0.0f;
    const bool header =
        !rows.empty() && std::none_of(rows.front().cells.begin(), rows.front().cells.end(),
                                      [&](const std::string& c) { return parseCsvNumber(c, unused); });
    const std::size_t first = header ? 1 : 0;
    if (rows.size() <= first)
        throw InputError(table.fileName() + ": holds no rows of noise (one sample's " +
                         std::to_string(dim) + " noise values a row)");
    if (table.columnCount() != dim)
        throw InputError(table.fileName() + ": " + std::to_string(table.columnCount()) +
                         " columns, but the generator takes " + std::to_string(dim) +
                         " noise values a sample (noise.dim), one a column");
    if (rows.size() - first > static_cast<std::size_t>(GanSession::kMaxGeneratedSamples))
        throw InputError(table.fileName() + ": " + std::to_string(rows.size() - first) +
                         " rows of noise; generate writes at most " +
                         std::to_string(GanSession::kMaxGeneratedSamples) + " samples");
    Matrix noise(dim, static_cast<Eigen::Index>(rows.size() - first));
    for (std::size_t r = first; r < rows.size(); ++r) {
        for (int c = 0; c < dim; ++c) {
            const std::string& cell = rows[r].cells[static_cast<std::size_t>(c)];
            float v = 0.0f;
            if (!parseCsvNumber(cell, v))
                throw InputError(table.where(rows[r].line, c + 1) + ": " + whyNotACsvNumber(cell));
            noise(c, static_cast<Eigen::Index>(r - first)) = v;
        }
    }
    return noise;
}

}  // namespace nnplay::cli
