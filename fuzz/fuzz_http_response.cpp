// What a server sends back on a kept-alive connection (HttpResponseReader, load runs over
// plain http://): whatever the bytes and however they are split across reads, the reader
// comes to the same answer or the same failure, keeps no more body than its limit, and a
// failure has libcurl's code and words (none only where libcurl has none: a header line over
// its limit, CURLE_OUT_OF_MEMORY).

#include "FuzzCheck.h"
#include "http/HttpResponseReader.h"

#include <algorithm>

using namespace studio;

namespace {

constexpr qint64 kMaxBody = 64 * 1024;

struct Outcome
{
    int state = 0;
    qsizetype consumed = -1; // once complete: a failure may be found sooner in smaller pieces
    int status = 0;
    QByteArray statusLine;
    HttpHeaders headers;
    QByteArray body;
    qint64 received = 0;
    bool truncated = false;
    qint64 announced = -1;
    int code = 0;
    QByteArray detail;
    bool keeps = false;

    bool operator==(const Outcome &) const = default;
};

// Feeds `bytes` in pieces of `piece` bytes (0: all at once), then the server's close.
Outcome read(const QByteArray &bytes, qsizetype piece, bool head)
{
    HttpResponseReader reader(head, kMaxBody);
    const qsizetype step = piece == 0 ? std::max<qsizetype>(1, bytes.size()) : piece;
    qsizetype consumed = 0;
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        const qsizetype size = std::min(step, bytes.size() - at);
        const qsizetype used = reader.feed(bytes.constData() + at, size);
        FUZZ_CHECK(used >= 0 && used <= size);
        consumed += used;
        if (reader.state() != HttpResponseReader::State::Reading)
            break;
        FUZZ_CHECK(used == size); // all of them while reading
    }
    reader.endOfStream();

    Outcome outcome;
    outcome.state = int(reader.state());
    FUZZ_CHECK(reader.state() != HttpResponseReader::State::Reading);
    if (reader.state() == HttpResponseReader::State::Complete) {
        FUZZ_CHECK(reader.failureCode() == CURLE_OK);
        outcome.consumed = consumed;
    } else {
        FUZZ_CHECK(reader.failureCode() != CURLE_OK);
        FUZZ_CHECK(!reader.failureDetail().isEmpty() ||
                   reader.failureCode() == CURLE_OUT_OF_MEMORY);
    }
    FUZZ_CHECK(reader.body().size() <= kMaxBody);
    FUZZ_CHECK(reader.truncated() == (reader.failureCode() == CURLE_WRITE_ERROR &&
                                      reader.bodyBytesReceived() > kMaxBody));
    FUZZ_CHECK(reader.progress().bodyBytes == reader.bodyBytesReceived());
    FUZZ_CHECK(!reader.keepsConnection() || reader.state() == HttpResponseReader::State::Complete);
    outcome.status = reader.status();
    outcome.statusLine = reader.statusLine();
    outcome.headers = reader.headers();
    outcome.body = reader.body();
    outcome.received = reader.bodyBytesReceived();
    outcome.truncated = reader.truncated();
    outcome.announced = reader.announcedLength();
    outcome.code = int(reader.failureCode());
    outcome.detail = reader.failureDetail();
    outcome.keeps = reader.keepsConnection();
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte chooses how the rest is split into reads, and whether it answers a HEAD.
    const qsizetype piece = 1 + (data[0] & 0x7f) % 7;
    const bool head = (data[0] & 0x80) != 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    FUZZ_CHECK(read(bytes, 0, head) == read(bytes, piece, head));
    return 0;
}
