#pragma once

#include <QByteArray>

#include <zlib.h>

namespace studio::test {

enum class Wrapping
{
    Gzip, // Content-Encoding: gzip
    Zlib, // Content-Encoding: deflate, as RFC 9110 means it
    Raw,  // Content-Encoding: deflate, as some servers send it
};

// `bytes` compressed by zlib the way a server would send them. Link ZLIB::ZLIB.
inline QByteArray compressed(const QByteArray &bytes, Wrapping wrapping)
{
    const int windowBits = wrapping == Wrapping::Gzip   ? MAX_WBITS + 16
                           : wrapping == Wrapping::Zlib ? MAX_WBITS
                                                        : -MAX_WBITS;
    z_stream z = {};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(bytes.size()))), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    z.avail_in = uInt(bytes.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const bool finished = deflate(&z, Z_FINISH) == Z_STREAM_END;
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return finished ? out : QByteArray();
}

} // namespace studio::test
