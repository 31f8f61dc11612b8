// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <string>

namespace nnplay::ui {

/// The picture of a data source in the data panel's list, `size` pixels square: the points of
/// a 2-D generator, a pixel-art digit, a T-shirt for Fashion-MNIST, a wave for sine, letters
/// for text, a table for CSV, a stack of image files for IDX. An unknown name gets an empty
/// square.
QIcon sourceIcon(const std::string& source, int size);

/// The points of a 2-D data set, coloured by class (or by target for regression).
QIcon planeIcon(const std::string& source, int size);

}  // namespace nnplay::ui
