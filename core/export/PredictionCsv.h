// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Types.h"
#include "data/Preprocessing.h"

namespace nnplay {

class Predictor;

/// A trained network's predictions as CSV, the one layout nnplay-cli predict and the window's
/// File > Export Predictions write. Classification: "prediction" (the class name), then the
/// probability of each class ("probability_<name>"; of the second class only for a single
/// output). Regression: the outputs in the targets' own units ("prediction", or
/// "prediction_1" .. "prediction_k" for k targets). Numbers in their shortest exact form.
class PredictionCsv {
public:
    /// Columns written before the predictions of each row (the inputs, the truth): a header
    /// per column and, per row, one cell per header, already formatted.
    struct Leading {
        std::vector<std::string> headers;
        std::vector<std::vector<std::string>> rows;
    };

    /// The CSV of `outputs` (the session's predict() of n samples, outputs x n), with
    /// `leading`'s columns first when given (its rows must number n).
    static std::string write(const Predictor& session, Matrix outputs,
                             const Preprocessing& preprocessing, const Leading* leading = nullptr);

    /// The session's test part: each input feature in its own units (standardisation undone;
    /// left out for sequences and for more than kMaxInputColumns features), the truth
    /// ("label", or "target"/"target_1".. for regression), then the predictions of write().
    /// An InputError for a network that predicts every step of a sequence.
    static std::string testPart(Predictor& session, const Preprocessing& preprocessing);

    /// Beyond this many input features (a picture's pixels), testPart() leaves the inputs out.
    static constexpr int kMaxInputColumns = 64;
};

}  // namespace nnplay
