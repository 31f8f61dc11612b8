// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Predictor.h"

namespace nnplay {

std::vector<int> Predictor::classify(const ConstMatrixRef& predictions) const {
    std::vector<int> classes;
    outputReading().classify(predictions, classes);
    return classes;
}

}  // namespace nnplay
