// What a client sends to the studio's HTTP server (serve, listen): whatever the bytes and
// however they are split across reads, the parser gives the same requests or the same
// refusal, each request's body within the limit.

#include "FuzzCheck.h"
#include "server/HttpRequestParser.h"

#include <QList>

using namespace studio;

namespace {

constexpr qint64 kMaxBody = 4096;

struct Outcome
{
    QList<QByteArray> requests; // method, target and body of each, joined
    int refusal = 0;

    bool operator==(const Outcome &) const = default;
};

// Feeds `bytes` in pieces of `piece` bytes (0: all at once).
Outcome parse(const QByteArray &bytes, qsizetype piece)
{
    HttpRequestParser parser(kMaxBody);
    Outcome outcome;
    const qsizetype step = piece == 0 ? std::max<qsizetype>(1, bytes.size()) : piece;
    for (qsizetype at = 0; at < bytes.size() && outcome.refusal == 0; at += step) {
        parser.append(bytes.mid(at, step));
        for (;;) {
            const HttpRequestParser::Progress progress = parser.next();
            if (progress == HttpRequestParser::Progress::Refused) {
                outcome.refusal = parser.refusalStatus();
                FUZZ_CHECK(!parser.refusalReason().isEmpty());
                break;
            }
            if (progress == HttpRequestParser::Progress::NeedMore)
                break;
            const HttpServerRequest request = parser.takeRequest();
            FUZZ_CHECK(request.body.size() <= kMaxBody);
            FUZZ_CHECK(!request.method.isEmpty() && request.version.startsWith("HTTP/"));
            FUZZ_CHECK(request.target.startsWith(request.path));
            outcome.requests.append(request.method + ' ' + request.target + '\n' + request.body);
        }
    }
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte chooses how the rest is split into reads.
    const qsizetype piece = 1 + data[0] % 7;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Outcome whole = parse(bytes, 0);
    const Outcome split = parse(bytes, piece);
    // A refusal may come earlier in split reads (a head over the limit is seen sooner), but
    // the requests before it and its status are the same.
    FUZZ_CHECK(whole == split);
    return 0;
}
