// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/RecurrentLayers.h"

#include "layers/GruLayer.h"
#include "layers/LayerRegistry.h"
#include "layers/LstmLayer.h"
#include "layers/SimpleRnnLayer.h"

namespace nnplay {

namespace {

template <typename Cell>
LayerInfo recurrent(std::string type, std::string displayName, std::string description, int gates) {
    LayerInfo info;
    info.type = std::move(type);
    info.displayName = std::move(displayName);
    info.group = "Recurrent";
    info.description = std::move(description);
    info.settings = {
        {"units", "Units", "How many numbers the layer's memory (its hidden state) holds.", 16, 1,
         1024, true},
        SettingInfo::flag("return_sequences", "Return sequences",
                          "Pass on the hidden state of every step (for another recurrent layer, "
                          "or a prediction at every step) instead of the last step's only.",
                          false)};
    info.params = RecurrentLayer::paramInfo();
    info.sequenceLayer = true;
    info.glyph = LayerInfo::Glyph::Loop;
    info.outputShape = &RecurrentLayer::outputShape;
    info.paramShapes = [gates](const LayerSpec& spec, const Shape& input) {
        return RecurrentLayer::paramShapes(spec, input, gates);
    };
    info.create = [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
        return std::make_unique<Cell>(static_cast<int>(spec.setting("units")),
                                      spec.setting("return_sequences") != 0);
    };
    return info;
}

}  // namespace

void registerRecurrentLayers(LayerRegistry& registry) {
    registry.add(recurrent<SimpleRnnLayer>(
        "simple_rnn", "SimpleRNN",
        "Reads a sequence one step at a time and keeps a memory: each step mixes the new input "
        "with the memory of the steps before.",
        1));
    registry.add(recurrent<LstmLayer>(
        "lstm", "LSTM",
        "A recurrent layer with a cell that gates decide to keep, forget or overwrite, so it can "
        "remember over many steps.",
        4));
    registry.add(recurrent<GruLayer>(
        "gru", "GRU",
        "A recurrent layer with reset and update gates: lighter than an LSTM, and often as good.",
        3));
}

}  // namespace nnplay
