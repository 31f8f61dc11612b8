// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/Layer.h"

namespace nnplay {

void Layer::build(const Shape&, InitScheme, const std::string&, Random&) {}

}  // namespace nnplay
