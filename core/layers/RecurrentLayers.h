// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nnplay {

class LayerRegistry;

/// Adds simple_rnn, lstm and gru (the palette's "Recurrent" group) to a registry.
void registerRecurrentLayers(LayerRegistry& registry);

}  // namespace nnplay
