// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace nnplay {

/// One outcome a lesson variant promises, checked after training it (LessonCheck): a measure
/// with a lower and/or an upper bound, or, for "diverged", whether training diverged.
struct LessonOutcome {
    /// One of Lesson::kMeasures.
    std::string measure;
    std::optional<double> atLeast;
    std::optional<double> atMost;
    /// For "diverged": true or false.
    std::optional<bool> is;

    bool operator==(const LessonOutcome&) const = default;
};

/// A small change to the lesson's project a learner switches to with one click.
struct LessonVariant {
    std::string name;
    /// A JSON merge patch (RFC 7386) on the project's JSON, kept as compact JSON text ("{}"
    /// changes nothing). ProjectFile::applyVariant applies it.
    std::string changes = "{}";
    /// What training the variant for the project's epochs shows; empty: nothing is promised.
    std::vector<LessonOutcome> expect;

    bool operator==(const LessonVariant&) const = default;
};

/// The teaching text of a project that is a lesson, with its variants (docs/file-format.md).
struct Lesson {
    /// Window controls a lesson may hide, by the names a file uses.
    static constexpr const char* kHideable[] = {"optimizer",  "learning_rate", "l1",       "l2",
                                                "batch_size", "loss",          "features", "noise",
                                                "data",       "palette"};
    /// Measures an outcome may name: figures of the finished run (test loss minus train loss
    /// for "gap"; precision, recall and F1 of the positive class for two classes, their macro
    /// averages for more; for data of groups each group's test accuracy and "group_gap", the
    /// best group's minus the worst's), a GAN's divergences and modes covered, and "diverged".
    static constexpr const char* kMeasures[] = {
        "train_loss",     "test_loss",     "train_accuracy", "test_accuracy",   "gap",
        "test_precision", "test_recall",   "test_f1",        "test_accuracy_a", "test_accuracy_b",
        "group_gap",      "js_divergence", "kl_divergence",  "modes_covered",   "diverged"};
    /// The longest text of one field, in characters.
    static constexpr std::size_t kMaxTextLength = 1000;
    /// The most "try" steps and variants a lesson holds.
    static constexpr std::size_t kMaxSteps = 5;
    static constexpr std::size_t kMaxVariants = 12;
    /// The longest variant name, in characters.
    static constexpr std::size_t kMaxNameLength = 60;

    /// One sentence: what the lesson shows. Never empty in a lesson.
    std::string goal;
    /// What to look at while it trains.
    std::string watch;
    /// Short "try this" steps, in order.
    std::vector<std::string> steps;
    /// A question to think about.
    std::string question;
    /// Names from kHideable: controls the window hides while the lesson is open.
    std::vector<std::string> hide;
    std::vector<LessonVariant> variants;

    bool operator==(const Lesson&) const = default;

    /// True for a project that is no lesson.
    bool empty() const { return goal.empty(); }
    /// The variant with this name, or nullptr.
    const LessonVariant* findVariant(const std::string& name) const;
};

}  // namespace nnplay
