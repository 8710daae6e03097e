#include "ChunkedBody.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace studio {

namespace {

// libcurl's limits: a size of at most 16 hex digits (a curl_off_t), a trailer line held in a
// buffer of 4096 bytes with its CRLF and a terminating zero (DYN_H1_TRAILER).
constexpr qsizetype kMaxHexDigits = 16;
constexpr qsizetype kTrailerBuffer = 4096;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

ChunkedBody::ChunkedBody(DataSink data, TrailerSink trailer)
    : m_data(std::move(data))
    , m_trailer(std::move(trailer))
{}

ChunkedBody::Progress ChunkedBody::failWith(const char *reason)
{
    m_failure = reason;
    return Progress::Failed;
}

ChunkedBody::Progress ChunkedBody::read(QByteArrayView bytes, qsizetype *consumed)
{
    qsizetype at = 0;
    *consumed = 0;
    while (at < bytes.size()) {
        const char c = bytes[at];
        switch (m_state) {
        case State::Size: {
            if (hexValue(c) >= 0) {
                if (m_hex.size() == kMaxHexDigits)
                    return failWith("Too long hexadecimal number");
                m_hex.append(c);
                ++at;
                break;
            }
            if (m_hex.isEmpty())
                return failWith("Illegal or missing hexadecimal sequence");
            quint64 size = 0;
            for (const char digit : std::as_const(m_hex))
                size = size * 16 + quint64(hexValue(digit));
            if (size > quint64(std::numeric_limits<qint64>::max()))
                return failWith("Illegal or missing hexadecimal sequence");
            m_left = qint64(size);
            m_hex.clear();
            m_state = State::SizeLineEnd; // the byte that ended the digits is read there
            break;
        }
        case State::SizeLineEnd:
            // Extensions and the CR are skipped, as libcurl skips anything up to the LF.
            if (c == '\n')
                m_state = m_left == 0 ? State::Trailer : State::Data;
            ++at;
            break;
        case State::Data: {
            const qsizetype piece = qsizetype(std::min<qint64>(m_left, bytes.size() - at));
            if (!m_data(bytes.data() + at, piece)) {
                *consumed = at + piece;
                return Progress::Failed;
            }
            m_left -= piece;
            at += piece;
            if (m_left == 0)
                m_state = State::DataEnd;
            break;
        }
        case State::DataEnd:
            if (c == '\n')
                m_state = State::Size;
            else if (c != '\r')
                return failWith("Malformed encoding found");
            ++at;
            break;
        case State::Trailer:
            if (c == '\r' || c == '\n') {
                if (m_trailerLine.isEmpty()) {
                    m_state = State::AfterTrailer; // no trailer: the final line end
                    break;
                }
                if (m_trailerLine.size() + 3 > kTrailerBuffer) // with its CRLF and a zero
                    return failWith("Out of memory");
                m_trailer(m_trailerLine);
                m_trailerLine.clear();
                m_state = State::TrailerLf;
                if (c == '\r')
                    ++at;
                break;
            }
            if (m_trailerLine.size() + 2 > kTrailerBuffer)
                return failWith("Out of memory");
            m_trailerLine.append(c);
            ++at;
            break;
        case State::TrailerLf:
            if (c != '\n')
                return failWith("Malformed encoding found");
            m_state = State::AfterTrailer;
            ++at;
            break;
        case State::AfterTrailer:
            if (c != '\r' && c != '\n') {
                m_state = State::Trailer; // another trailer line
                break;
            }
            if (c == '\r')
                ++at;
            m_state = State::FinalLf;
            break;
        case State::FinalLf:
            if (c != '\n')
                return failWith("Malformed encoding found");
            m_state = State::Done;
            *consumed = at + 1;
            return Progress::Done;
        case State::Done:
            *consumed = at;
            return Progress::Done;
        }
    }
    *consumed = at;
    return Progress::More;
}

} // namespace studio
