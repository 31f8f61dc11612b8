// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <zlib.h>

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <vector>

namespace nnplay::test {

/// The bytes of an IDX file: magic (0, 0, type, dimensions), big-endian dimensions, `data`.
inline QByteArray idxBytes(const std::vector<std::uint32_t>& dims, const QByteArray& data,
                           int type = 0x08) {
    QByteArray out;
    out.append(char(0)).append(char(0)).append(char(type)).append(char(dims.size()));
    for (const std::uint32_t d : dims) {
        for (int shift = 24; shift >= 0; shift -= 8) out.append(char((d >> shift) & 0xff));
    }
    return out + data;
}

/// `count` bytes 0, 1, 2, ... (mod 256).
inline QByteArray countingBytes(int count, int start = 0) {
    QByteArray out(count, '\0');
    for (int i = 0; i < count; ++i) out[i] = char((start + i) & 0xff);
    return out;
}

/// `bytes` compressed as a gzip file (as gzip(1) writes it).
inline QByteArray gzipBytes(const QByteArray& bytes) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&z, uLong(bytes.size()))) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = uInt(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(int(z.total_out));
    deflateEnd(&z);
    return out;
}

}  // namespace nnplay::test
