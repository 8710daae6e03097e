#pragma once

#include "http/HttpExchange.h"

#include <QByteArray>
#include <QList>

namespace studio::test {

// How the loopback server answers a request on a route. An aggregate, so a test may spell a
// behaviour out field by field, or start from a factory and adjust:
//
//   Behaviour::json(200, R"({"message":"hello"})")
//   Behaviour::text(500, "boom").afterDelay(200)
//   Behaviour{.status = 204}
//   Behaviour::hugeBody(50 * 1024 * 1024)
//   Behaviour::json(200, "{}").heldUntilReleased()      // answers on releaseHeldAnswers()
//   Behaviour::json(200, "{}").withInterim(100).heldUntilReleased() // "100 Continue", silence
//   Behaviour::trickledBody(100)                         // a byte every 100 ms, never done
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
    bool held = false;       // wait for LoopbackServer::releaseHeldAnswers() before answering
    qint64 hugeBytes = 0;    // HugeBody: how many bytes to stream
    int pieceBytes = 1;      // Chunked, SlowDrip: bytes per piece
    int intervalMs = 0;      // Chunked, SlowDrip, the trickles: pause between pieces
    bool closeAfter = false; // close the connection once answered (else keep-alive)
    // Interim responses (1xx) sent as soon as the request is read, before any delay or hold.
    QList<int> interim = {};

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
    static LoopbackServerBehaviour trickledBody(int intervalMs);
    static LoopbackServerBehaviour trickledHeaders(int intervalMs);
    static LoopbackServerBehaviour endlessInterim(int intervalMs, int status = 102);

    LoopbackServerBehaviour afterDelay(int milliseconds) const;
    LoopbackServerBehaviour heldUntilReleased() const;
    LoopbackServerBehaviour withHeader(const QByteArray &name, const QByteArray &value) const;
    LoopbackServerBehaviour withInterim(int interimStatus) const;
};

} // namespace studio::test
