// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/ConvolutionLayers.h"

#include "layers/BatchNormLayer.h"
#include "layers/Conv2DLayer.h"
#include "layers/FlattenLayer.h"
#include "layers/LayerRegistry.h"
#include "layers/PoolingLayer.h"

namespace nnplay {

namespace {

/// "3×3".
std::string square(int side) { return std::to_string(side) + "\u00d7" + std::to_string(side); }

LayerInfo pooling(std::string type, std::string displayName, std::string description,
                  PoolingLayer::Kind kind) {
    LayerInfo info;
    info.type = std::move(type);
    info.displayName = std::move(displayName);
    info.group = "Convolution";
    info.description = std::move(description);
    info.settings = {
        {"pool_size", "Pool size", "Width and height of the window each output sums up.", 2, 1, 16,
         true},
        {"stride", "Stride", "How far the window moves between outputs.", 2, 1, 16, true}};
    info.imageLayer = true;
    info.keepsUnits = true;
    info.glyph = LayerInfo::Glyph::Pool;
    info.summary = [](const LayerSpec& spec) {
        const int size = static_cast<int>(spec.setting("pool_size"));
        const int stride = static_cast<int>(spec.setting("stride"));
        return square(size) + (stride == size ? "" : ", stride " + std::to_string(stride));
    };
    info.outputShape = &PoolingLayer::outputShape;
    info.create = [kind](const LayerSpec& spec) -> std::unique_ptr<Layer> {
        return std::make_unique<PoolingLayer>(kind, static_cast<int>(spec.setting("pool_size")),
                                              static_cast<int>(spec.setting("stride")));
    };
    return info;
}

}  // namespace

void registerConvolutionLayers(LayerRegistry& registry) {
    LayerInfo conv;
    conv.type = "conv2d";
    conv.displayName = "Conv2D";
    conv.group = "Convolution";
    conv.description =
        "Slides small filters over the image; each filter gives a feature map that shows where "
        "its pattern appears.";
    conv.settings = {
        {"filters", "Filters", "How many filters, and so how many feature maps, the layer has.", 8,
         1, 512, true},
        {"kernel_size", "Kernel size", "Width and height of each filter in pixels.", 3, 1, 15,
         true},
        {"stride", "Stride", "How many pixels the filter moves between outputs.", 1, 1, 8, true},
        SettingInfo::choice("padding", "Padding",
                            "\"same\" pads the edges so the maps keep the image's size (divided "
                            "by the stride); \"valid\" uses only positions inside the image.",
                            {"same", "valid"}, "same")};
    conv.params = Conv2DLayer::paramInfo();
    conv.imageLayer = true;
    conv.slidesKernels = true;
    conv.glyph = LayerInfo::Glyph::Kernel;
    conv.summary = [](const LayerSpec& spec) {
        const int filters = static_cast<int>(spec.setting("filters"));
        const int stride = static_cast<int>(spec.setting("stride"));
        return std::to_string(filters) + (filters == 1 ? " filter " : " filters ") +
               square(static_cast<int>(spec.setting("kernel_size"))) +
               (stride == 1 ? "" : ", stride " + std::to_string(stride)) +
               (spec.setting("padding") == 1 ? ", valid" : "");
    };
    conv.outputShape = &Conv2DLayer::outputShape;
    conv.paramShapes = &Conv2DLayer::paramShapes;
    conv.create = [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
        return std::make_unique<Conv2DLayer>(
            static_cast<int>(spec.setting("filters")),
            static_cast<int>(spec.setting("kernel_size")), static_cast<int>(spec.setting("stride")),
            spec.setting("padding") == 1 ? Conv2DLayer::Padding::Valid
                                         : Conv2DLayer::Padding::Same);
    };
    registry.add(conv);

    registry.add(pooling("maxpool2d", "MaxPool",
                         "Keeps the largest value of each small window, so the maps shrink and "
                         "small shifts of a pattern matter less.",
                         PoolingLayer::Kind::Max));
    registry.add(pooling("avgpool2d", "AvgPool",
                         "Averages each small window, so the maps shrink and get smoother.",
                         PoolingLayer::Kind::Average));

    LayerInfo flatten;
    flatten.type = "flatten";
    flatten.displayName = "Flatten";
    flatten.group = "Convolution";
    flatten.description =
        "Lays the feature maps out as one long list of values, as a Dense layer takes them.";
    flatten.imageLayer = true;
    flatten.keepsUnits = true;
    flatten.glyph = LayerInfo::Glyph::Flatten;
    flatten.outputShape = &FlattenLayer::outputShape;
    flatten.create = [](const LayerSpec&) -> std::unique_ptr<Layer> {
        return std::make_unique<FlattenLayer>();
    };
    registry.add(flatten);

    LayerInfo norm;
    norm.type = "batchnorm";
    norm.displayName = "BatchNorm";
    norm.group = "Convolution";
    norm.description =
        "Rescales each feature (each channel of an image) to mean 0 and spread 1 over the batch, "
        "then by a learned scale and shift; it lets deep networks train faster.";
    norm.settings = {
        {"momentum", "Momentum",
         "How fast the running mean and variance used after training follow each batch.", 0.1, 0, 1,
         false},
        {"epsilon", "Epsilon", "Added to the variance so that nothing is divided by zero.", 1e-5,
         1e-12, 1, false}};
    norm.params = BatchNormLayer::paramInfo();
    norm.imageLayer = true;
    norm.keepsUnits = true;
    norm.glyph = LayerInfo::Glyph::Normalize;
    norm.summary = [](const LayerSpec&) { return std::string(); };  // its settings rarely change
    norm.outputShape = &BatchNormLayer::outputShape;
    norm.paramShapes = &BatchNormLayer::paramShapes;
    norm.create = [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
        return std::make_unique<BatchNormLayer>(static_cast<float>(spec.setting("momentum")),
                                                static_cast<float>(spec.setting("epsilon")));
    };
    registry.add(norm);
}

}  // namespace nnplay
