// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "train/Predictor.h"
#include "train/Session.h"

namespace nnplay {

/// The figures of a supervised run as the CLI reports them: train/val/test loss and accuracy
/// (classification, with test macro F1, headline precision, recall and F1, and per-group
/// accuracies) or test MSE and R² (regression), then best_epoch. One pass over each part of
/// `predictor`'s data.
std::vector<Session::Figure> supervisedFigures(Predictor& predictor, int bestEpoch);

}  // namespace nnplay
