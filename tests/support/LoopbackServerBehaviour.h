#pragma once

#include "http/HttpExchange.h"

#include <QByteArray>

namespace studio::test {

// How the loopback server answers a request on a route. An aggregate, so a test may spell a
// behaviour out field by field, or start from a factory and adjust:
//
//   Behaviour::json(200, R"({"message":"hello"})")
//   Behaviour::text(500, "boom").afterDelay(200)
//   Behaviour{.status = 204}
//   Behaviour::hugeBody(50 * 1024 * 1024)
//   Behaviour::json(200, "{}").heldUntilReleased()      // answers on releaseHeldAnswers()
struct LoopbackServerBehaviour
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
    };

    Mode mode = Mode::Answer;
    int status = 200;
    HttpHeaders headers = {}; // sent as given; Content-Length/Transfer-Encoding are added if absent
    QByteArray body = {};
    int delayMs = 0;         // wait this long before the first byte of the answer
    bool held = false;       // wait for LoopbackServer::releaseHeldAnswers() before answering
    qint64 hugeBytes = 0;    // HugeBody: how many bytes to stream
    int pieceBytes = 1;      // Chunked, SlowDrip: bytes per piece
    int intervalMs = 0;      // Chunked, SlowDrip: pause between pieces
    bool closeAfter = false; // close the connection once answered (else keep-alive)

    static LoopbackServerBehaviour text(int status, const QByteArray &body);
    static LoopbackServerBehaviour json(int status, const QByteArray &json);
    // `location` goes out as is; relative ones ("/next") are resolved by the client.
    static LoopbackServerBehaviour redirect(int status, const QByteArray &location);
    static LoopbackServerBehaviour chunked(const QByteArray &body, int pieceBytes,
                                           int intervalMs = 0);
    static LoopbackServerBehaviour slowDrip(const QByteArray &body, int pieceBytes, int intervalMs);
    static LoopbackServerBehaviour hugeBody(qint64 bytes);
    static LoopbackServerBehaviour garbage(const QByteArray &bytes);
    static LoopbackServerBehaviour closeWithoutAnswer();
    static LoopbackServerBehaviour reset();

    LoopbackServerBehaviour afterDelay(int milliseconds) const;
    LoopbackServerBehaviour heldUntilReleased() const;
    LoopbackServerBehaviour withHeader(const QByteArray &name, const QByteArray &value) const;
};

} // namespace studio::test
