// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

/// What the header of an IDX file says (the format of MNIST and Fashion-MNIST: two zero bytes,
/// a type code, the number of dimensions, then each dimension as a big-endian 32-bit number).
struct IdxHeader {
    /// 0x08 unsigned byte, 0x09 signed byte, 0x0B 16-bit, 0x0C 32-bit integer, 0x0D float,
    /// 0x0E double.
    int type = 0;
    /// dims[0] is the number of items (images, labels); the rest is the shape of one item.
    std::vector<std::int64_t> dims;
    /// Bytes of the header: 4 + 4 per dimension.
    std::int64_t headerBytes = 0;

    std::int64_t itemCount() const { return dims.empty() ? 0 : dims[0]; }
    /// Values in one item: the product of dims[1..] (1 for a list of labels).
    std::int64_t itemValues() const;
    /// Bytes of one value of `type`.
    int valueBytes() const;
    /// "60000 x 28 x 28".
    std::string dimsText() const;
};

/// The header and the raw values (big-endian for types wider than a byte) of the first items.
struct IdxArray {
    IdxHeader header;
    std::int64_t items = 0;            ///< items read: all, or the first maxItems
    std::vector<std::uint8_t> values;  ///< items * itemValues() * valueBytes() bytes
};

/// Reads IDX data, plain or gzip-compressed (told apart by the gzip magic bytes 1f 8b).
/// Errors are InputError naming the file (`name`) and what is wrong: not an IDX file (magic),
/// an unknown type code, no or too many dimensions, a gzip stream that is corrupt or cut short,
/// fewer data bytes than the dimensions say, or (when every item is read) more.
class IdxReader {
public:
    /// The largest number of values one file may hold (1 GiB of bytes).
    static constexpr std::int64_t kMaxValues = std::int64_t{1} << 30;

    /// Parses the bytes of a file; with maxItems >= 0, reads only the first maxItems items and
    /// decompresses no more than it needs (the rest is not checked).
    static IdxArray parse(std::string_view bytes, const std::string& name,
                          std::int64_t maxItems = -1);
    /// Reads and parses a file. Throws InputError naming it when it cannot be opened.
    static IdxArray readFile(const std::string& path, std::int64_t maxItems = -1);
    /// Reads only the header of a file (and, for a plain file, checks its size against it).
    static IdxHeader readHeader(const std::string& path);
};

}  // namespace nnplay
