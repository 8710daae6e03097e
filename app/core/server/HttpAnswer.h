#pragma once

#include "http/HttpExchange.h"

#include <QByteArray>
#include <QList>

namespace studio {

// How HttpServer answers a request: plainly, or the way a misbehaving server would (late,
// never, garbage, a reset, a body dripped or endless), which is what tests and fault runs
// need. An aggregate, so an answer may be spelled out field by field, or start from a
// factory and adjust:
//
//   HttpAnswer::json(200, R"({"message":"hello"})")
//   HttpAnswer::text(500, "boom").afterDelay(200)
//   HttpAnswer{.status = 204}
//   HttpAnswer::hugeBody(50 * 1024 * 1024)
//   HttpAnswer::json(200, "{}").heldUntilReleased()      // answers on releaseHeldAnswers()
//   HttpAnswer::json(200, "{}").withInterim(100).heldUntilReleased() // "100 Continue", silence
//   HttpAnswer::trickledBody(100)                         // a byte every 100 ms, never done
struct HttpAnswer
{
    enum class Mode
    {
        Answer,             // status line, headers, Content-Length and body, all at once
        Chunked,            // the body in pieces of pieceBytes, Transfer-Encoding: chunked
        SlowDrip,           // the body pieceBytes at a time, intervalMs apart (Content-Length)
        HugeBody,           // hugeBytes of filler, streamed without holding them in memory
        Garbage,            // `body` sent raw (not HTTP at all), then the connection closes
        CloseWithoutAnswer, // the connection closes (FIN) without a byte of answer
        Reset,              // the connection is reset (RST) without a byte of answer
        // Never finished, until the client leaves: each sends a little every intervalMs.
        TrickledBody,    // status and headers announcing 1 GB, then the body a byte at a time
        TrickledHeaders, // the status line, then one header line at a time, never the blank line
        EndlessInterim,  // interim responses of `status` ("102 Processing"), never the final one
    };

    Mode mode = Mode::Answer;
    int status = 200;
    HttpHeaders headers = {}; // sent as given; Content-Length/Transfer-Encoding are added if absent
    QByteArray body = {};
    int delayMs = 0;         // wait this long before the first byte of the answer
    bool held = false;       // wait for HttpServer::releaseHeldAnswers() before answering
    qint64 hugeBytes = 0;    // HugeBody: how many bytes to stream
    int pieceBytes = 1;      // Chunked, SlowDrip: bytes per piece
    int intervalMs = 0;      // Chunked, SlowDrip, the trickles: pause between pieces
    bool closeAfter = false; // close the connection once answered (else keep-alive)
    // Interim responses (1xx) sent as soon as the request is read, before any delay or hold.
    QList<int> interim = {};

    static HttpAnswer text(int status, const QByteArray &body);
    static HttpAnswer json(int status, const QByteArray &json);
    static HttpAnswer html(int status, const QByteArray &html);
    // `location` goes out as is; relative ones ("/next") are resolved by the client.
    static HttpAnswer redirect(int status, const QByteArray &location);
    static HttpAnswer chunked(const QByteArray &body, int pieceBytes,
                                           int intervalMs = 0);
    static HttpAnswer slowDrip(const QByteArray &body, int pieceBytes, int intervalMs);
    static HttpAnswer hugeBody(qint64 bytes);
    static HttpAnswer garbage(const QByteArray &bytes);
    static HttpAnswer closeWithoutAnswer();
    static HttpAnswer reset();
    static HttpAnswer trickledBody(int intervalMs);
    static HttpAnswer trickledHeaders(int intervalMs);
    static HttpAnswer endlessInterim(int intervalMs, int status = 102);

    HttpAnswer afterDelay(int milliseconds) const;
    HttpAnswer heldUntilReleased() const;
    HttpAnswer withHeader(const QByteArray &name, const QByteArray &value) const;
    HttpAnswer withInterim(int interimStatus) const;
};

} // namespace studio
