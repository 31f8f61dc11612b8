// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the text reader of the "text" data source and cuts what it accepts
// into windows, checking that every window is one-hot per step, that its labels are classes of
// the text and that each class name reads back as its character.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "Types.h"
#include "data/TextLoader.h"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    if (size < 2) return 0;
    // The first two bytes choose the window: 2..17 steps, stride 1..16.
    const int steps = 2 + (data[0] & 15);
    const int stride = 1 + (data[1] & 15);
    const std::string_view bytes(reinterpret_cast<const char*>(data + 2), size - 2);
    try {
        const CharacterText text = parseCharacterText(bytes, "fuzz.txt");
        require(text.classCount() >= 1 && text.classCount() <= kMaxTextClasses);
        for (const char32_t c : text.alphabet) {
            const CharacterText back =
                parseCharacterText(characterOfClassName(characterClassName(c)), "name");
            require(back.characterCount() == 1 && back.alphabet[0] == c);
        }
        const DataInfo info = textDataInfo(text, steps, stride);
        const Dataset windows = makeTextWindows(text, steps, stride);
        require(info.inputShape.size() == windows.inputs.rows());
        require(windows.stepLabels.rows() == steps);
        for (int w = 0; w < windows.sampleCount(); ++w) {
            require(windows.inputs.col(w).sum() == static_cast<float>(steps));
            require(windows.stepLabels(steps - 1, w) == windows.labels[std::size_t(w)]);
            for (int t = 0; t < steps; ++t) {
                const int label = windows.stepLabels(t, w);
                require(label >= 0 && label < text.classCount());
                if (t + 1 < steps)
                    require(windows.inputs((t + 1) * text.classCount() + label, w) == 1.0f);
            }
        }
    } catch (const InputError& e) {
        (void)e.what();
    }
    return 0;
}
