// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/IdxReader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "Types.h"

namespace nnplay {

namespace {

constexpr int kMaxDims = 8;
/// What readHeader() reads of a file: enough for any header, even compressed.
constexpr std::size_t kHeaderPrefixBytes = 64 * 1024;

bool isGzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

/// The bytes of a plain or gzip-compressed buffer, read in order; decompresses on demand.
class ByteStream {
public:
    ByteStream(std::string_view bytes, const std::string& name)
        : m_bytes(bytes), m_name(name), m_gzip(isGzip(bytes)) {
        if (!m_gzip) return;
        m_z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
        m_z.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes.size(), 1u << 30));
        m_consumed = m_z.avail_in;
        if (inflateInit2(&m_z, 16 + MAX_WBITS) != Z_OK)
            throw InputError(m_name + ": cannot start decompressing (zlib)");
    }
    ~ByteStream() {
        if (m_gzip) inflateEnd(&m_z);
    }
    ByteStream(const ByteStream&) = delete;
    ByteStream& operator=(const ByteStream&) = delete;

    bool gzip() const { return m_gzip; }

    /// Reads up to `n` bytes into `out`; fewer only at the end of the data.
    std::size_t read(std::uint8_t* out, std::size_t n) {
        if (!m_gzip) {
            const std::size_t count = std::min(n, m_bytes.size() - m_pos);
            std::memcpy(out, m_bytes.data() + m_pos, count);
            m_pos += count;
            return count;
        }
        std::size_t done = 0;
        while (done < n && !m_ended) {
            if (m_z.avail_in == 0 && m_consumed < m_bytes.size()) {
                const std::size_t left = m_bytes.size() - m_consumed;
                m_z.next_in =
                    reinterpret_cast<Bytef*>(const_cast<char*>(m_bytes.data()) + m_consumed);
                m_z.avail_in = static_cast<uInt>(std::min<std::size_t>(left, 1u << 30));
                m_consumed += m_z.avail_in;
            }
            const std::size_t chunk = std::min<std::size_t>(n - done, 1u << 30);
            m_z.next_out = out + done;
            m_z.avail_out = static_cast<uInt>(chunk);
            const int status = inflate(&m_z, Z_NO_FLUSH);
            done += chunk - m_z.avail_out;
            if (status == Z_STREAM_END) {
                // Concatenated gzip members continue the data, as gunzip reads them.
                if (m_z.avail_in == 0 && m_consumed == m_bytes.size()) {
                    m_ended = true;
                } else if (inflateReset(&m_z) != Z_OK) {
                    throw InputError(m_name + ": the gzip data is corrupt");
                }
            } else if (status == Z_BUF_ERROR && m_z.avail_in == 0 && m_consumed == m_bytes.size()) {
                throw InputError(m_name +
                                 ": the gzip data is cut short (the file is truncated; "
                                 "download or copy it again)");
            } else if (status != Z_OK && status != Z_BUF_ERROR) {
                throw InputError(m_name + ": the gzip data is corrupt (" +
                                 (m_z.msg ? std::string(m_z.msg) : std::string("zlib error")) +
                                 ")");
            }
        }
        return done;
    }

private:
    std::string_view m_bytes;
    const std::string& m_name;
    bool m_gzip;
    std::size_t m_pos = 0;       // plain: next byte
    std::size_t m_consumed = 0;  // gzip: input handed to zlib
    bool m_ended = false;
    z_stream m_z{};
};

std::string hex(int value) {
    static const char digits[] = "0123456789abcdef";
    return std::string("0x") + digits[(value >> 4) & 15] + digits[value & 15];
}

/// Reads and checks the header from the stream.
IdxHeader readHeaderFrom(ByteStream& in, const std::string& name) {
    std::uint8_t magic[4];
    const std::size_t got = in.read(magic, 4);
    if (got < 4 || magic[0] != 0 || magic[1] != 0)
        throw InputError(name +
                         ": not an IDX file (an IDX file begins with two zero bytes, a type "
                         "and the number of dimensions, as MNIST's files do)");
    IdxHeader h;
    h.type = magic[2];
    if (h.valueBytes() == 0)
        throw InputError(name + ": unknown IDX value type " + hex(h.type) +
                         " (known: 0x08 unsigned byte, 0x09 signed byte, 0x0b, 0x0c, 0x0d, 0x0e)");
    const int dims = magic[3];
    if (dims < 1 || dims > kMaxDims)
        throw InputError(name + ": the IDX header says " + std::to_string(dims) +
                         " dimensions; 1 to " + std::to_string(kMaxDims) + " are possible");
    std::uint8_t raw[4 * kMaxDims];
    if (in.read(raw, 4 * static_cast<std::size_t>(dims)) < 4 * static_cast<std::size_t>(dims))
        throw InputError(name + ": the file ends inside the IDX header (it is truncated)");
    std::int64_t values = 1;
    for (int d = 0; d < dims; ++d) {
        const std::uint8_t* b = raw + 4 * d;
        const std::int64_t size = (std::int64_t{b[0]} << 24) | (std::int64_t{b[1]} << 16) |
                                  (std::int64_t{b[2]} << 8) | std::int64_t{b[3]};
        h.dims.push_back(size);
        if (size > 0 && values <= IdxReader::kMaxValues) values *= size;
    }
    h.headerBytes = 4 + 4 * static_cast<std::int64_t>(dims);
    if (values > IdxReader::kMaxValues)
        throw InputError(name + ": the IDX header says " + h.dimsText() +
                         " values, more than nnplay reads from one file (" +
                         std::to_string(IdxReader::kMaxValues) + ")");
    return h;
}

std::string fileError(const std::string& path) {
    return path + ": cannot open (" + std::strerror(errno) + ")";
}

}  // namespace

std::int64_t IdxHeader::itemValues() const {
    std::int64_t n = 1;
    for (std::size_t d = 1; d < dims.size(); ++d) n *= dims[d];
    return n;
}

int IdxHeader::valueBytes() const {
    switch (type) {
        case 0x08:
        case 0x09:
            return 1;
        case 0x0B:
            return 2;
        case 0x0C:
        case 0x0D:
            return 4;
        case 0x0E:
            return 8;
        default:
            return 0;
    }
}

std::string IdxHeader::dimsText() const {
    std::string out;
    for (const std::int64_t d : dims) out += (out.empty() ? "" : " x ") + std::to_string(d);
    return out;
}

IdxArray IdxReader::parse(std::string_view bytes, const std::string& name, std::int64_t maxItems) {
    ByteStream in(bytes, name);
    IdxArray out;
    out.header = readHeaderFrom(in, name);
    const IdxHeader& h = out.header;
    const std::int64_t itemBytes = h.itemValues() * h.valueBytes();
    out.items = maxItems >= 0 ? std::min(maxItems, h.itemCount()) : h.itemCount();
    const auto wanted = static_cast<std::size_t>(out.items * itemBytes);
    // Grown as the data arrives, so a header that lies costs no more memory than the file.
    constexpr std::size_t kChunk = 16u << 20;
    std::size_t have = 0;
    while (have < wanted) {
        out.values.resize(std::min(wanted, have + kChunk));
        const std::size_t got = in.read(out.values.data() + have, out.values.size() - have);
        have += got;
        if (have < out.values.size()) {
            throw InputError(name + ": the IDX header says " + h.dimsText() + " (" +
                             std::to_string(h.itemCount() * itemBytes) +
                             " bytes of data), but the " + (in.gzip() ? "decompressed " : "") +
                             "file holds only " + std::to_string(have) +
                             " (it is truncated, or the header is wrong)");
        }
    }
    if (out.items == h.itemCount()) {
        std::uint8_t extra = 0;
        if (in.read(&extra, 1) == 1)
            throw InputError(name + ": the " + (in.gzip() ? "decompressed " : "") +
                             "file holds more data than its IDX header says (" + h.dimsText() +
                             " = " + std::to_string(wanted) +
                             " bytes); the header or the file is wrong");
    }
    return out;
}

IdxArray IdxReader::readFile(const std::string& path, std::int64_t maxItems) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fileError(path));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError(path + ": cannot read the file");
    return parse(bytes, path, maxItems);
}

IdxHeader IdxReader::readHeader(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fileError(path));
    std::string prefix(kHeaderPrefixBytes, '\0');
    in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    ByteStream stream(prefix, path);
    IdxHeader h = readHeaderFrom(stream, path);
    if (!stream.gzip()) {
        std::error_code error;
        const auto size = static_cast<std::int64_t>(std::filesystem::file_size(path, error));
        const std::int64_t expected =
            h.headerBytes + h.itemCount() * h.itemValues() * h.valueBytes();
        if (!error && size != expected)
            throw InputError(
                path + ": the IDX header says " + h.dimsText() + " (" + std::to_string(expected) +
                " bytes with the header), but the file has " + std::to_string(size) + " bytes");
    }
    return h;
}

}  // namespace nnplay
