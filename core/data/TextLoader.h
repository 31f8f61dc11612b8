// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay {

/// A text as a character-level classification task reads it: UTF-8 decoded into Unicode code
/// points (a byte-order mark at the start is skipped, "\r\n" becomes "\n"), each character
/// replaced by its class, the index of the character among the text's distinct characters
/// sorted by code point.
struct CharacterText {
    std::string name;                ///< for messages: the file's name
    std::vector<char32_t> alphabet;  ///< class c is the character alphabet[c]; sorted
    std::vector<int> classes;        ///< the text, one class index per character

    int characterCount() const { return static_cast<int>(classes.size()); }
    int classCount() const { return static_cast<int>(alphabet.size()); }
};

/// The most distinct characters a text may have (each is a class and an input per step).
inline constexpr int kMaxTextClasses = 256;
/// The largest text file read (before max_chars cuts it).
inline constexpr std::size_t kMaxTextBytes = 64u << 20;
/// The most input values (windows x steps x classes, one-hot) the text data may hold: 100 MB.
inline constexpr long long kMaxTextInputValues = 25'000'000;

/// Decodes `bytes` (named `name` in messages) and keeps at most maxChars characters. Throws
/// InputError for invalid UTF-8 ("notes.txt: byte 17 is not valid UTF-8 ..."), an empty text
/// or more than kMaxTextClasses distinct characters.
CharacterText parseCharacterText(std::string_view bytes, const std::string& name,
                                 std::optional<int> maxChars = {});

/// Reads and decodes the file at `path` (at most kMaxTextBytes). Throws InputError naming the
/// file when it is missing or unreadable, or as parseCharacterText does.
CharacterText readCharacterText(const std::string& path, std::optional<int> maxChars = {});

/// The text file of a "text" spec: spec.path against baseDir (the project's folder), else,
/// for a relative path that is not there, the shipped resource of that name
/// ("text/devils-dictionary.txt"). Throws InputError as readCharacterText does.
CharacterText readTextSource(const DataSpec& spec, const std::string& baseDir);

/// How many windows of `sequenceLength` characters, each followed by the character it
/// predicts, start `stride` apart in the text. Throws InputError naming the file when the
/// text is shorter than one window and its next character, or when the one-hot inputs would
/// pass kMaxTextInputValues.
int textWindowCount(const CharacterText& text, int sequenceLength, int stride);

/// The windows as samples: `inputs` (sequenceLength*classes) x windows, one-hot per step
/// (Shape::sequence(sequenceLength, classes), step-major); `labels` the class of the
/// character after each window; `stepLabels` sequenceLength x windows, the class of the
/// character after each step (the last row is `labels`). Window w starts at character
/// w*stride.
Dataset makeTextWindows(const CharacterText& text, int sequenceLength, int stride);

/// What loadData() reports for the text: classification, input Shape::sequence(T, classes),
/// one class per character named by characterClassName (also the feature names of one step).
/// Checks the window count as textWindowCount does.
DataInfo textDataInfo(const CharacterText& text, int sequenceLength, int stride);

/// A readable class name: "space", "newline", "tab", "U+0007" for other control characters,
/// the character itself (UTF-8) otherwise.
std::string characterClassName(char32_t character);
/// The character (UTF-8) a class name of characterClassName stands for.
std::string characterOfClassName(const std::string& name);

/// The text settings: a path, sequence_length 2..1000, stride 1..100000, max_chars (when
/// set) at least 2. Throws InputError naming the setting's file key.
void checkTextSpec(const DataSpec& spec);

}  // namespace nnplay
