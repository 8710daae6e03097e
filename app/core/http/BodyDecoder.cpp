#include "BodyDecoder.h"

#include <QStringBuilder>

#include <algorithm>
#include <utility>
#include <zlib.h>

namespace studio {

// One coding of the stack: decodes what it is given and pushes its output to the next stage.
class BodyDecoder::Stage
{
public:
    virtual ~Stage() = default;
    // False when it failed (refuse) or a later stage or the sink stopped.
    virtual bool write(BodyDecoder &decoder, std::size_t next, const char *data,
                       qsizetype size) = 0;

protected:
    static bool pushTo(BodyDecoder &decoder, std::size_t next, const char *data, qsizetype size)
    {
        return decoder.pushTo(next, data, size);
    }
    static bool refuse(BodyDecoder &decoder, CURLcode code, QByteArray detail)
    {
        return decoder.refuse(code, std::move(detail));
    }
};

namespace {

// libcurl allows five codings in all (MAX_ENCODE_STACK) and decodes into 16 KB (DSIZ).
constexpr int kMaxCodings = 5;
constexpr qsizetype kOutputBytes = 16 * 1024;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// "identity" and "none": the bytes as they are.
class PassStage : public BodyDecoder::Stage
{
public:
    bool write(BodyDecoder &decoder, std::size_t next, const char *data, qsizetype size) override;
};

// A coding not decoded here: refused when the first byte reaches it, as libcurl does, so a
// response that names one and has no body is fine.
class RefusedStage : public BodyDecoder::Stage
{
public:
    explicit RefusedStage(QByteArray reason)
        : m_reason(std::move(reason))
    {}
    bool write(BodyDecoder &decoder, std::size_t next, const char *data, qsizetype size) override;

private:
    QByteArray m_reason;
};

// gzip (zlib detects a gzip or a zlib header) or deflate (a zlib stream; when its first two
// bytes are no zlib header, raw deflate, as libcurl falls back to for servers that send it,
// with up to four stray bytes after it tolerated).
class ZlibStage : public BodyDecoder::Stage
{
public:
    enum class Format
    {
        Gzip,
        Deflate,
    };

    explicit ZlibStage(Format format);
    ~ZlibStage() override;
    ZlibStage(const ZlibStage &) = delete;
    ZlibStage &operator=(const ZlibStage &) = delete;

    bool write(BodyDecoder &decoder, std::size_t next, const char *data, qsizetype size) override;

private:
    enum class State
    {
        Header, // deflate: the first two bytes, which decide between zlib and raw
        Inflating,
        Ended, // the stream ended: only the tolerated stray bytes may follow
    };

    bool inflateBytes(BodyDecoder &decoder, std::size_t next, const char *data, qsizetype size);
    bool afterEnd(BodyDecoder &decoder, qsizetype size);
    bool zlibFailure(BodyDecoder &decoder);

    z_stream m_z = {};
    bool m_initialized = false;
    State m_state;
    QByteArray m_header;
    qsizetype m_strayBytesLeft = 0;
    char m_output[kOutputBytes];
};

bool PassStage::write(BodyDecoder &decoder, std::size_t next, const char *data, qsizetype size)
{
    return pushTo(decoder, next, data, size);
}

bool RefusedStage::write(BodyDecoder &decoder, std::size_t, const char *, qsizetype size)
{
    if (size == 0)
        return true;
    return refuse(decoder, CURLE_BAD_CONTENT_ENCODING, m_reason);
}

ZlibStage::ZlibStage(Format format)
    : m_state(format == Format::Deflate ? State::Header : State::Inflating)
{
    // MAX_WBITS + 32: zlib reads a gzip or a zlib header, as libcurl asks of it for gzip.
    const int windowBits = format == Format::Gzip ? MAX_WBITS + 32 : MAX_WBITS;
    m_initialized = inflateInit2(&m_z, windowBits) == Z_OK;
}

ZlibStage::~ZlibStage()
{
    if (m_initialized)
        inflateEnd(&m_z);
}

bool ZlibStage::write(BodyDecoder &decoder, std::size_t next, const char *data, qsizetype size)
{
    if (!m_initialized)
        return zlibFailure(decoder);
    if (m_state == State::Header) {
        const qsizetype take = std::min<qsizetype>(size, 2 - m_header.size());
        m_header.append(data, take);
        data += take;
        size -= take;
        if (m_header.size() < 2)
            return true;
        m_state = State::Inflating;
        // zlib refuses the header of a raw deflate stream ("incorrect header check") before
        // writing anything: start over in raw mode, where the stream needs no header.
        m_z.next_in = reinterpret_cast<Bytef *>(m_header.data());
        m_z.avail_in = 2;
        m_z.next_out = reinterpret_cast<Bytef *>(m_output);
        m_z.avail_out = uInt(kOutputBytes);
        if (inflate(&m_z, Z_NO_FLUSH) == Z_DATA_ERROR) {
            inflateEnd(&m_z);
            m_initialized = inflateInit2(&m_z, -MAX_WBITS) == Z_OK;
            if (!m_initialized)
                return zlibFailure(decoder);
            m_strayBytesLeft = 4;
            if (!inflateBytes(decoder, next, m_header.constData(), 2))
                return false;
        }
    }
    return inflateBytes(decoder, next, data, size);
}

bool ZlibStage::inflateBytes(BodyDecoder &decoder, std::size_t next, const char *data,
                             qsizetype size)
{
    while (size > 0) {
        if (m_state == State::Ended)
            return afterEnd(decoder, size);
        // zlib counts in uInt: a very large piece goes in slices.
        const qsizetype slice = std::min<qsizetype>(size, qsizetype(1) << 30);
        m_z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        m_z.avail_in = uInt(slice);
        for (;;) {
            m_z.next_out = reinterpret_cast<Bytef *>(m_output);
            m_z.avail_out = uInt(kOutputBytes);
            const int status = inflate(&m_z, Z_NO_FLUSH);
            const qsizetype produced = kOutputBytes - qsizetype(m_z.avail_out);
            if (produced > 0 && !pushTo(decoder, next, m_output, produced))
                return false;
            if (status == Z_OK)
                continue; // zlib may hold more output than the buffer took
            if (status == Z_BUF_ERROR)
                break; // all the input is in
            if (status == Z_STREAM_END) {
                m_state = State::Ended;
                break;
            }
            return zlibFailure(decoder);
        }
        const qsizetype used = slice - qsizetype(m_z.avail_in);
        data += used;
        size -= used;
        if (m_state != State::Ended && used < slice)
            break; // cannot happen: zlib takes all input unless the stream ended
    }
    return true;
}

bool ZlibStage::afterEnd(BodyDecoder &decoder, qsizetype size)
{
    const qsizetype tolerated = std::min(size, m_strayBytesLeft);
    m_strayBytesLeft -= tolerated;
    if (size == tolerated)
        return true;
    // libcurl's zlib writer fails with a bare CURLE_WRITE_ERROR: its own words for it.
    return refuse(decoder, CURLE_WRITE_ERROR, curl_easy_strerror(CURLE_WRITE_ERROR));
}

bool ZlibStage::zlibFailure(BodyDecoder &decoder)
{
    const QByteArray reason =
        m_z.msg ? QByteArray(m_z.msg) : "Unknown failure within decompression software.";
    return refuse(decoder, CURLE_BAD_CONTENT_ENCODING,
                  QByteArray("Error while processing content unencoding: ") + reason);
}

std::unique_ptr<BodyDecoder::Stage> stageFor(QByteArrayView name)
{
    const auto is = [name](const char *known) {
        return name.compare(QByteArrayView(known), Qt::CaseInsensitive) == 0;
    };
    if (is("identity") || is("none"))
        return std::make_unique<PassStage>();
    if (is("gzip") || is("x-gzip"))
        return std::make_unique<ZlibStage>(ZlibStage::Format::Gzip);
    if (is("deflate"))
        return std::make_unique<ZlibStage>(ZlibStage::Format::Deflate);
    // libcurl decodes these two; this path asks for gzip and deflate only.
    if (is("br") || is("zstd"))
        return std::make_unique<RefusedStage>(
            "Unrecognized content encoding type. The kept-alive path decodes deflate and gzip "
            "only.");
    return std::make_unique<RefusedStage>("Unrecognized content encoding type. libcurl "
                                          "understands deflate, gzip, br, zstd content "
                                          "encodings.");
}

} // namespace

BodyDecoder::BodyDecoder(Sink sink)
    : m_sink(std::move(sink))
{}

BodyDecoder::~BodyDecoder() = default;

bool BodyDecoder::addCodings(QByteArrayView names, Layer layer)
{
    // libcurl's reading of the list: names between commas, blanks around them dropped.
    bool chunked = false;
    qsizetype at = 0;
    do {
        while (at < names.size() && (names[at] == ' ' || names[at] == '\t' || names[at] == ','))
            ++at;
        const qsizetype start = at;
        qsizetype length = 0;
        for (; at < names.size() && names[at] != ','; ++at) {
            if (!isSpace(names[at]))
                length = at - start + 1;
        }
        const QByteArrayView name = names.sliced(start, length);
        if (layer == Layer::Transfer && name.compare("chunked", Qt::CaseInsensitive) == 0) {
            chunked = true;
        } else if (length > 0) {
            if (m_codings++ >= kMaxCodings) {
                refuse(CURLE_BAD_CONTENT_ENCODING,
                       "Reject response due to more than 5 content encodings");
                return chunked;
            }
            // Transfer codings are undone before content codings; within a header, the
            // last named first (it was applied last).
            const std::size_t position = layer == Layer::Transfer ? 0 : m_transferStages;
            m_stages.insert(m_stages.begin() + std::ptrdiff_t(position), stageFor(name));
            if (layer == Layer::Transfer)
                ++m_transferStages;
        }
    } while (at < names.size());
    return chunked;
}

bool BodyDecoder::write(const char *data, qsizetype size)
{
    if (failed())
        return false;
    return pushTo(0, data, size);
}

bool BodyDecoder::pushTo(std::size_t stage, const char *data, qsizetype size)
{
    if (size == 0)
        return true;
    if (stage == m_stages.size())
        return m_sink(data, size);
    return m_stages[stage]->write(*this, stage + 1, data, size);
}

bool BodyDecoder::refuse(CURLcode code, QByteArray detail)
{
    m_failureCode = code;
    m_failureDetail = std::move(detail);
    return false;
}

} // namespace studio
