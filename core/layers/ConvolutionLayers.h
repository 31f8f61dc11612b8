// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nnplay {

class LayerRegistry;

/// Adds the "Convolution" group (conv2d, maxpool2d, avgpool2d, flatten, batchnorm).
void registerConvolutionLayers(LayerRegistry& registry);

}  // namespace nnplay
