// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Project.h"

namespace nnplay {

/// What training one variant of a lesson measured, and whether its stated outcomes held.
struct LessonVariantResult {
    /// A measured figure (a name of Lesson::kMeasures); "diverged" is 1 or 0.
    struct Measure {
        std::string name;
        double value;  ///< NaN where not measured (accuracy of a regression)
    };

    std::string variant;
    int epochs = 0;
    std::vector<Measure> measures;
    /// One sentence per outcome that failed; empty when all held.
    std::vector<std::string> failures;

    bool ok() const { return failures.empty(); }
    /// The measure with this name (NaN when missing).
    double value(const std::string& name) const;
};

/// Applies the variant to the lesson's project, trains it from fresh weights for the
/// project's epochs (a GAN's steps) with the Session the CLI's train uses (data paths against
/// baseDir), and checks the variant's outcomes. Throws InputError when the variant cannot be
/// trained.
LessonVariantResult checkLessonVariant(const Project& lesson, const LessonVariant& variant,
                                       const std::string& baseDir);

}  // namespace nnplay
