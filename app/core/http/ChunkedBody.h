#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace studio {

// A chunked body (Transfer-Encoding: chunked) read byte for byte as libcurl 7.88 reads it
// (lib/http_chunks.c): the size in at most 16 hex digits, anything up to the line's end
// ignored (extensions, a CR), each chunk's CRLF, then trailer lines until an empty one. Its
// refusals are libcurl's words, which the reader ends with " in chunked-encoding".
class ChunkedBody
{
public:
    enum class Progress
    {
        More,   // all the bytes were read; the body goes on
        Done,   // the last chunk and the trailers are in; the rest came after the body
        Failed, // failure() says why, unless the chunk data's sink stopped the reading
    };

    // `data`: chunk data as it comes; false stops the reading (Progress::Failed, no failure).
    // `trailer`: each trailer line, without its line end.
    using DataSink = std::function<bool(const char *data, qsizetype size)>;
    using TrailerSink = std::function<void(QByteArrayView line)>;

    ChunkedBody(DataSink data, TrailerSink trailer);

    // Reads what it can of `bytes`; `consumed` says how many were part of the body.
    Progress read(QByteArrayView bytes, qsizetype *consumed);
    bool isDone() const { return m_state == State::Done; }
    // "Illegal or missing hexadecimal sequence", "Malformed encoding found", ...
    const QByteArray &failure() const { return m_failure; }

private:
    enum class State
    {
        Size,        // hex digits
        SizeLineEnd, // up to the LF after the size
        Data,
        DataEnd,      // the CRLF after a chunk's data
        Trailer,      // a trailer line, or the final empty line
        TrailerLf,    // the LF after a trailer line's CR
        AfterTrailer, // another trailer line, or the final line end
        FinalLf,
        Done,
    };

    Progress failWith(const char *reason);

    DataSink m_data;
    TrailerSink m_trailer;
    State m_state = State::Size;
    QByteArray m_hex;
    qint64 m_left = 0; // of the current chunk's data
    QByteArray m_trailerLine;
    QByteArray m_failure;
};

} // namespace studio
