// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/TextLoader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "MessageText.h"
#include "data/DataDescription.h"
#include "data/ResourcePath.h"

namespace nnplay {

namespace {

constexpr int kMinLength = 2;
constexpr int kMaxLength = 1000;
constexpr int kMaxStride = 100000;

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

/// The code point starting at bytes[at], advancing `at`; throws naming the byte offset for an
/// invalid, overlong, surrogate or truncated sequence.
char32_t decodeOne(std::string_view bytes, std::size_t& at, const std::string& name) {
    const std::size_t start = at;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = byte(at++);
    if (lead < 0x80) return lead;
    int extra = 0;
    char32_t c = 0;
    char32_t least = 0;
    if ((lead & 0xe0) == 0xc0) {
        extra = 1, c = lead & 0x1f, least = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
        extra = 2, c = lead & 0x0f, least = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
        extra = 3, c = lead & 0x07, least = 0x10000;
    }
    bool valid = extra > 0;
    for (int i = 0; valid && i < extra; ++i, ++at) {
        valid = at < bytes.size() && (byte(at) & 0xc0) == 0x80;
        if (valid) c = (c << 6) | (byte(at) & 0x3f);
    }
    if (!valid || c < least || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(lead));
        throw InputError(name + ": byte " + std::to_string(start) + " (" + hex +
                         ") is not valid UTF-8; save the text as UTF-8");
    }
    return c;
}

}  // namespace

CharacterText parseCharacterText(std::string_view bytes, const std::string& name,
                                 std::optional<int> maxChars) {
    std::vector<char32_t> characters;
    std::size_t at = bytes.substr(0, 3) == "\xef\xbb\xbf" ? 3 : 0;
    const std::size_t limit =
        maxChars ? static_cast<std::size_t>(std::max(*maxChars, 0)) : bytes.size();
    characters.reserve(std::min(limit, bytes.size()));
    while (at < bytes.size() && characters.size() < limit) {
        const char32_t c = decodeOne(bytes, at, name);
        if (c == '\n' && !characters.empty() && characters.back() == '\r')
            characters.back() = '\n';
        else
            characters.push_back(c);
    }
    if (characters.empty()) throw InputError(name + ": the text is empty");

    CharacterText text;
    text.name = name;
    text.alphabet = characters;
    std::sort(text.alphabet.begin(), text.alphabet.end());
    text.alphabet.erase(std::unique(text.alphabet.begin(), text.alphabet.end()),
                        text.alphabet.end());
    if (text.classCount() > kMaxTextClasses)
        throw InputError(name + ": the text has " + std::to_string(text.classCount()) +
                         " distinct characters, more than the " + std::to_string(kMaxTextClasses) +
                         " a character model can tell apart; use a text with fewer symbols");
    text.classes.reserve(characters.size());
    for (const char32_t c : characters) {
        const auto it = std::lower_bound(text.alphabet.begin(), text.alphabet.end(), c);
        text.classes.push_back(static_cast<int>(it - text.alphabet.begin()));
    }
    return text;
}

CharacterText readCharacterText(const std::string& path, std::optional<int> maxChars) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw InputError(path + ": no such text file");
    const auto size = std::filesystem::file_size(path, error);
    if (error) throw InputError(path + ": cannot read the file (" + error.message() + ")");
    if (size > kMaxTextBytes)
        throw InputError(path + ": the text file has " + std::to_string(size) +
                         " bytes, more than " + std::to_string(kMaxTextBytes >> 20) +
                         " MiB; use a shorter excerpt");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open the file");
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw InputError(path + ": cannot read the file");
    return parseCharacterText(bytes, path, maxChars);
}

CharacterText readTextSource(const DataSpec& spec, const std::string& baseDir) {
    const std::string path = resolveDataPath(spec.path, baseDir);
    std::error_code error;
    if (!std::filesystem::exists(path, error) && std::filesystem::path(spec.path).is_relative()) {
        const std::string shipped = resourcePath(spec.path);
        if (std::filesystem::exists(shipped, error))
            return readCharacterText(shipped, spec.maxChars);
    }
    return readCharacterText(path, spec.maxChars);
}

int textWindowCount(const CharacterText& text, int sequenceLength, int stride) {
    const long long characters = text.characterCount();
    if (characters < sequenceLength + 1LL)
        throw InputError(text.name + ": the text has " + std::to_string(characters) +
                         " characters, but a window of " + std::to_string(sequenceLength) +
                         " (data.sequence_length) and the character after it need " +
                         std::to_string(sequenceLength + 1));
    const long long windows = (characters - sequenceLength - 1) / stride + 1;
    const long long values = windows * sequenceLength * text.classCount();
    if (values > kMaxTextInputValues)
        throw InputError(text.name + ": " + std::to_string(windows) + " windows of " +
                         std::to_string(sequenceLength) + " steps x " +
                         std::to_string(text.classCount()) + " characters would be " +
                         std::to_string(values) + " input values, more than " +
                         std::to_string(kMaxTextInputValues) +
                         "; raise data.stride, lower data.sequence_length or set data.max_chars");
    return static_cast<int>(windows);
}

Dataset makeTextWindows(const CharacterText& text, int sequenceLength, int stride) {
    const int windows = textWindowCount(text, sequenceLength, stride);
    const int classes = text.classCount();
    Dataset data;
    data.inputs.setZero(static_cast<Eigen::Index>(sequenceLength) * classes, windows);
    data.stepLabels.resize(sequenceLength, windows);
    data.labels.resize(static_cast<std::size_t>(windows));
    for (int w = 0; w < windows; ++w) {
        const auto start = static_cast<std::size_t>(w) * static_cast<std::size_t>(stride);
        for (int t = 0; t < sequenceLength; ++t) {
            const std::size_t at = start + static_cast<std::size_t>(t);
            data.inputs(static_cast<Eigen::Index>(t) * classes + text.classes[at], w) = 1.0f;
            data.stepLabels(t, w) = text.classes[at + 1];
        }
        data.labels[static_cast<std::size_t>(w)] = data.stepLabels(sequenceLength - 1, w);
    }
    return data;
}

DataInfo textDataInfo(const CharacterText& text, int sequenceLength, int stride) {
    textWindowCount(text, sequenceLength, stride);
    DataInfo info;
    info.task = Task::Classification;
    info.inputShape = Shape::sequence(sequenceLength, text.classCount());
    for (const char32_t c : text.alphabet) info.classNames.push_back(characterClassName(c));
    info.featureNames = info.classNames;
    return info;
}

std::string characterClassName(char32_t character) {
    switch (character) {
        case ' ':
            return "space";
        case '\n':
            return "newline";
        case '\t':
            return "tab";
        default:
            break;
    }
    if (character < 0x20 || (character >= 0x7f && character < 0xa0)) {
        char name[8];
        std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(character));
        return name;
    }
    std::string out;
    appendUtf8(out, character);
    return out;
}

std::string characterOfClassName(const std::string& name) {
    if (name == "space") return " ";
    if (name == "newline") return "\n";
    if (name == "tab") return "\t";
    if (name.size() == 6 && name.compare(0, 2, "U+") == 0 &&
        std::all_of(name.begin() + 2, name.end(), [](char c) { return std::isxdigit(c) != 0; })) {
        std::string out;
        appendUtf8(out, static_cast<char32_t>(std::stoul(name.substr(2), nullptr, 16)));
        return out;
    }
    return name;
}

void checkTextSpec(const DataSpec& spec) {
    if (spec.path.empty()) throw InputError("no text file chosen for the data (data.path)");
    if (spec.sequenceLength < kMinLength || spec.sequenceLength > kMaxLength)
        throw InputError("the sequence length (data.sequence_length) must be from " +
                         std::to_string(kMinLength) + " to " + std::to_string(kMaxLength) +
                         ", not " + std::to_string(spec.sequenceLength));
    if (spec.stride < 1 || spec.stride > kMaxStride)
        throw InputError("the stride (data.stride) must be from 1 to " +
                         std::to_string(kMaxStride) + ", not " + std::to_string(spec.stride));
    if (spec.maxChars && *spec.maxChars < kMinLength + 1)
        throw InputError("the number of characters to read (data.max_chars) must be at least " +
                         std::to_string(kMinLength + 1) + ", not " +
                         std::to_string(*spec.maxChars));
}

}  // namespace nnplay
