// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/LessonCheck.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "io/ProjectFile.h"
#include "train/LayerTransfer.h"
#include "train/Session.h"

namespace nnplay {

namespace {

std::string shown(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

}  // namespace

double LessonVariantResult::value(const std::string& name) const {
    for (const Measure& m : measures)
        if (m.name == name) return m.value;
    return std::numeric_limits<double>::quiet_NaN();
}

LessonVariantResult checkLessonVariant(const Project& lesson, const LessonVariant& variant,
                                       const std::string& baseDir) {
    Project project = ProjectFile::applyVariant(lesson, variant);
    // A lesson teaches from fresh weights, whatever the file stored, but for a frozen base.
    for (NamedNetwork& n : project.networks) dropLearnedWeights(n.spec);
    project.history.clear();
    project.preprocessing = {};

    std::unique_ptr<Session> session = makeSession(project, baseDir);
    session->run(plannedEpochs(project));

    LessonVariantResult result;
    result.variant = variant.name;
    result.epochs = session->epoch();
    const std::vector<Session::Figure> figures = session->results();
    auto figure = [&](const std::string& name) -> std::optional<double> {
        for (const Session::Figure& f : figures)
            if (f.name == name) return f.value;
        return std::nullopt;
    };
    const bool diverged = session->stopReason() == StopReason::Diverged;
    // The measures of kMeasures this run has, in that order: the session's figure of each name
    // (NaN where not measured; the per-group ones only for data of groups).
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const char* name : Lesson::kMeasures) {
        const std::string measure = name;
        std::optional<double> value = figure(measure);
        if (measure == "gap")
            value = figure("test_loss").value_or(nan) - figure("train_loss").value_or(nan);
        if (measure == "diverged") value = diverged ? 1.0 : 0.0;
        if (value) result.measures.push_back({measure, *value});
    }

    for (const LessonOutcome& o : variant.expect) {
        if (o.is) {
            if (*o.is != diverged)
                result.failures.push_back(
                    diverged ? "training diverged, but the lesson says it does not"
                             : "training did not diverge, but the lesson says it does");
            continue;
        }
        const double v = result.value(o.measure);
        if (!std::isfinite(v)) {
            result.failures.push_back(o.measure + " was not measured" +
                                      (diverged ? " (training diverged)" : ""));
            continue;
        }
        if (o.atLeast && v < *o.atLeast)
            result.failures.push_back(o.measure + " is " + shown(v) + ", below the lesson's " +
                                      shown(*o.atLeast));
        if (o.atMost && v > *o.atMost)
            result.failures.push_back(o.measure + " is " + shown(v) + ", above the lesson's " +
                                      shown(*o.atMost));
    }
    return result;
}

}  // namespace nnplay
