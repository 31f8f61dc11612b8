// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/LessonCheck.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "io/ProjectFile.h"
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
    // A lesson teaches from fresh weights, whatever the file stored.
    for (NamedNetwork& n : project.networks) n.spec.clearParams();
    project.history.clear();
    project.preprocessing = {};

    std::unique_ptr<Session> session = makeSession(project, baseDir);
    session->run(project.training.epochs);

    LessonVariantResult result;
    result.variant = variant.name;
    result.epochs = session->epoch();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double trainLoss = nan, testLoss = nan, trainAccuracy = nan, testAccuracy = nan;
    for (const Session::Figure& f : session->results()) {
        if (f.name == "train_loss") trainLoss = f.value;
        if (f.name == "test_loss") testLoss = f.value;
        if (f.name == "train_accuracy") trainAccuracy = f.value;
        if (f.name == "test_accuracy") testAccuracy = f.value;
    }
    const bool diverged = session->stopReason() == StopReason::Diverged;
    result.measures = {{"train_loss", trainLoss},         {"test_loss", testLoss},
                       {"train_accuracy", trainAccuracy}, {"test_accuracy", testAccuracy},
                       {"gap", testLoss - trainLoss},     {"diverged", diverged ? 1.0 : 0.0}};

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
