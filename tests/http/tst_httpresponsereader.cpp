// HttpResponseReader on bytes a server could send, each case read twice, all at once and one
// byte at a time: the reader must come to the same answer or the same failure, in libcurl's
// code and words (tst_httpresponsereaderlibcurl holds it against libcurl itself).
#include "Compressed.h"
#include "http/CurlErrorTranslator.h"
#include "http/HttpResponseReader.h"

#include <QTest>

#include <algorithm>

using namespace studio;
using namespace studio::test;
using State = HttpResponseReader::State;

namespace {

struct Reading
{
    bool head = false;      // the request was HEAD
    qint64 limit = 1 << 20; // maxBodyBytes
    bool closes = true;     // the server closes after its last byte
};

struct Outcome
{
    State state = State::Reading;
    qsizetype consumed = 0;
    int status = 0;
    QByteArray statusLine;
    HttpHeaders headers;
    QByteArray body;
    qint64 received = 0;
    bool truncated = false;
    qint64 announced = -1;
    QByteArray contentEncoding;
    CURLcode code = CURLE_OK;
    QByteArray detail;
    bool keeps = false;
    AnswerProgress progress;
};

// Feeds `bytes` in pieces of `piece` bytes (0: all at once) until the reader stops reading.
Outcome readIn(const QByteArray &bytes, qsizetype piece, const Reading &reading = {})
{
    HttpResponseReader reader(reading.head, reading.limit);
    Outcome outcome;
    const qsizetype step = piece == 0 ? std::max<qsizetype>(1, bytes.size()) : piece;
    for (qsizetype at = 0; at < bytes.size() && reader.state() == State::Reading; at += step) {
        const qsizetype size = std::min(step, bytes.size() - at);
        outcome.consumed += reader.feed(bytes.constData() + at, size);
    }
    if (reading.closes)
        reader.endOfStream();
    outcome.state = reader.state();
    outcome.status = reader.status();
    outcome.statusLine = reader.statusLine();
    outcome.headers = reader.headers();
    outcome.body = reader.body();
    outcome.received = reader.bodyBytesReceived();
    outcome.truncated = reader.truncated();
    outcome.announced = reader.announcedLength();
    outcome.contentEncoding = reader.contentEncoding();
    outcome.code = reader.failureCode();
    outcome.detail = reader.failureDetail();
    outcome.keeps = reader.keepsConnection();
    outcome.progress = reader.progress();
    return outcome;
}

QByteArray headerText(const HttpHeaders &headers)
{
    QByteArray text;
    for (const auto &[name, value] : headers)
        text += name + ": " + value + '\n';
    return text;
}

// Everything the reader says, to compare two readings: how much it consumed only once the
// response is complete (a failure may be found sooner in smaller pieces).
QByteArray described(const Outcome &outcome)
{
    const AnswerProgress &p = outcome.progress;
    QByteArray text = "state " + QByteArray::number(int(outcome.state));
    if (outcome.state == State::Complete)
        text += " consumed " + QByteArray::number(outcome.consumed);
    text += "\nstatus " + QByteArray::number(outcome.status) + ' ' + outcome.statusLine +
            "\nheaders\n" + headerText(outcome.headers) + "body " + outcome.body.toHex() +
            "\nreceived " + QByteArray::number(outcome.received) + " truncated " +
            QByteArray::number(outcome.truncated) + " announced " +
            QByteArray::number(outcome.announced) + " encoding " + outcome.contentEncoding +
            "\nfailure " + QByteArray::number(int(outcome.code)) + ' ' + outcome.detail +
            "\nkeeps " + QByteArray::number(outcome.keeps) + "\nprogress " +
            QByteArray::number(p.interimResponses) + ' ' + p.interimStatus + ' ' +
            QByteArray::number(p.finalStatusSeen) + ' ' + QByteArray::number(p.headerLines) + ' ' +
            QByteArray::number(p.headersComplete) + ' ' + QByteArray::number(p.bodyBytes);
    return text;
}

QByteArray ok(const QByteArray &headers, const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

QByteArray withLength(const QByteArray &headers, const QByteArray &body)
{
    return ok(headers + "Content-Length: " + QByteArray::number(body.size()) + "\r\n", body);
}

// `body` as chunks of `size` bytes, then the last chunk.
QByteArray inChunks(const QByteArray &body, qsizetype size)
{
    QByteArray chunks;
    for (qsizetype at = 0; at < body.size(); at += size) {
        const QByteArray chunk = body.mid(at, size);
        chunks += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return chunks + "0\r\n\r\n";
}

} // namespace

// Reads `bytes` whole and byte by byte, which must agree; `outcome` is the whole reading.
#define READ_BOTH_WAYS(outcome, bytes, reading)                                                    \
    const Outcome outcome = readIn((bytes), 0, (reading));                                         \
    QCOMPARE(described(readIn((bytes), 1, (reading))), described(outcome))

class HttpResponseReaderTest : public QObject
{
    Q_OBJECT

private slots:
    void contentLength_readsThatManyBytes();
    void chunked_skipsExtensionsAndKeepsTrailersAsHeaders();
    void noLength_readsUpToTheClose();
    void headRequest_hasNoBodyWhateverItAnnounces();
    void noContentAndNotModified_haveNoBody_data();
    void noContentAndNotModified_haveNoBody();
    void interimResponses_areCountedNotKept();
    void foldedHeader_joinsThePreviousValue();
    void encodedBody_isDecoded_data();
    void encodedBody_isDecoded();
    void bodyOverTheLimit_isCutThere();
    void bodyAtTheLimit_isWhole();
    void decompressionBomb_stopsAtTheLimit();
    void nextResponse_isLeftUnread();
    void keepsConnection_data();
    void keepsConnection();
    void closedInTheHead_withoutLength_isAnAnswer();
    void statusLine_readAsLibcurlReadsIt_data();
    void statusLine_readAsLibcurlReadsIt();
    void refused_data();
    void refused();
    void headerLine_overLibcurlsLimit_isOutOfMemoryWithoutWords();
    void headerBlock_overLibcurlsLimit_countsInterimResponses();
    void refusals_translateAsTheEngineWordsThem();
};

void HttpResponseReaderTest::contentLength_readsThatManyBytes()
{
    READ_BOTH_WAYS(outcome, ok("Content-Type: text/plain\r\nContent-Length: 5\r\n", "hello"),
                   Reading{.closes = false});

    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.status, 200);
    QCOMPARE(outcome.statusLine, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(headerText(outcome.headers),
             QByteArray("Content-Type: text/plain\nContent-Length: 5\n"));
    QCOMPARE(outcome.body, QByteArray("hello"));
    QCOMPARE(outcome.received, 5);
    QCOMPARE(outcome.announced, 5);
    QVERIFY(outcome.keeps);
    QVERIFY(outcome.progress.finalStatusSeen);
    QVERIFY(outcome.progress.headersComplete);
    QCOMPARE(outcome.progress.headerLines, 2);
    QCOMPARE(outcome.progress.bodyBytes, 5);
}

void HttpResponseReaderTest::chunked_skipsExtensionsAndKeepsTrailersAsHeaders()
{
    // libcurl hands trailer lines to the header callback, so the engine lists them too.
    const QByteArray bytes =
        ok("Transfer-Encoding: chunked\r\n", "5;name=value\r\nhello\r\n1\nX\n6 ; last\r\n world\r\n"
                                             "0;end\r\nServer-Timing: db;dur=53\r\nBare: lf\n\r\n");

    READ_BOTH_WAYS(outcome, bytes, Reading{.closes = false});

    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.consumed, bytes.size());
    QCOMPARE(outcome.body, QByteArray("helloX world"));
    QCOMPARE(headerText(outcome.headers),
             QByteArray("Transfer-Encoding: chunked\nServer-Timing: db;dur=53\nBare: lf\n"));
    QCOMPARE(outcome.announced, -1);
    QCOMPARE(outcome.progress.headerLines, 1); // trailers are no header lines of the head
    QVERIFY(outcome.keeps);
}

void HttpResponseReaderTest::noLength_readsUpToTheClose()
{
    const QByteArray bytes = ok("Content-Type: text/plain\r\n", "everything until the close");

    READ_BOTH_WAYS(open, bytes, Reading{.closes = false});
    READ_BOTH_WAYS(closed, bytes, Reading{});

    QCOMPARE(open.state, State::Reading);
    QCOMPARE(open.body, QByteArray("everything until the close"));
    QCOMPARE(closed.state, State::Complete);
    QCOMPARE(closed.body, QByteArray("everything until the close"));
    QVERIFY(!closed.keeps);
}

void HttpResponseReaderTest::headRequest_hasNoBodyWhateverItAnnounces()
{
    const QByteArray head = ok("Content-Length: 1000\r\n", {});

    READ_BOTH_WAYS(outcome, head + "HTTP/1.1 204 No Content\r\n\r\n", Reading{.head = true});

    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.consumed, head.size());
    QVERIFY(outcome.body.isEmpty());
    QCOMPARE(outcome.announced, 1000);
    QVERIFY(outcome.keeps);
}

void HttpResponseReaderTest::noContentAndNotModified_haveNoBody_data()
{
    QTest::addColumn<QByteArray>("statusLine");
    QTest::newRow("204") << QByteArray("HTTP/1.1 204 No Content\r\n");
    QTest::newRow("304") << QByteArray("HTTP/1.1 304 Not Modified\r\n");
}

void HttpResponseReaderTest::noContentAndNotModified_haveNoBody()
{
    QFETCH(QByteArray, statusLine);
    const QByteArray head = statusLine + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n";

    READ_BOTH_WAYS(outcome, head + "hello", Reading{});

    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.consumed, head.size());
    QVERIFY(outcome.body.isEmpty());
    QCOMPARE(outcome.announced, 0);
    QVERIFY(outcome.keeps);
}

void HttpResponseReaderTest::interimResponses_areCountedNotKept()
{
    const QByteArray bytes = "HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\n"
                             "HTTP/1.1 102 Processing\r\nContent-Length: 99\r\n\r\n" +
                             withLength("X-Final: yes\r\n", "{}");

    READ_BOTH_WAYS(outcome, bytes, Reading{.closes = false});

    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.status, 200);
    QCOMPARE(outcome.statusLine, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(headerText(outcome.headers), QByteArray("X-Final: yes\nContent-Length: 2\n"));
    QCOMPARE(outcome.body, QByteArray("{}"));
    QCOMPARE(outcome.progress.interimResponses, 2);
    QCOMPARE(outcome.progress.interimStatus, QByteArray("102 Processing"));
}

void HttpResponseReaderTest::foldedHeader_joinsThePreviousValue()
{
    READ_BOTH_WAYS(outcome,
                   withLength("X-Folded: first\r\n  second\r\n\tthird  \r\nX-Next: 1\r\n", "ok"),
                   Reading{});

    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(headerText(outcome.headers),
             QByteArray("X-Folded: first second third\nX-Next: 1\nContent-Length: 2\n"));
    QCOMPARE(outcome.progress.headerLines, 5);
}

void HttpResponseReaderTest::encodedBody_isDecoded_data()
{
    const QByteArray text = QByteArray(R"({"message":"a body worth compressing"})").repeated(50);
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("gzip") << withLength("Content-Encoding: gzip\r\n",
                                        compressed(text, Wrapping::Gzip));
    QTest::newRow("x-gzip") << withLength("Content-Encoding: X-GZIP\r\n",
                                          compressed(text, Wrapping::Gzip));
    QTest::newRow("deflate, zlib-wrapped")
        << withLength("Content-Encoding: deflate\r\n", compressed(text, Wrapping::Zlib));
    QTest::newRow("deflate, raw") << withLength("Content-Encoding: deflate\r\n",
                                                compressed(text, Wrapping::Raw));
    QTest::newRow("raw deflate, four stray bytes tolerated")
        << withLength("Content-Encoding: deflate\r\n", compressed(text, Wrapping::Raw) + "1234");
    QTest::newRow("gzip, chunked") << ok("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                                         inChunks(compressed(text, Wrapping::Gzip), 7));
    QTest::newRow("gzip as the transfer coding, then deflate")
        << ok("Transfer-Encoding: gzip\r\nContent-Encoding: deflate\r\n",
              compressed(compressed(text, Wrapping::Zlib), Wrapping::Gzip));
    QTest::newRow("gzip, then deflate")
        << withLength("Content-Encoding: gzip, deflate\r\n",
                      compressed(compressed(text, Wrapping::Gzip), Wrapping::Zlib));
    QTest::newRow("identity") << withLength("Content-Encoding: identity\r\n", text);
}

void HttpResponseReaderTest::encodedBody_isDecoded()
{
    QFETCH(QByteArray, bytes);
    const QByteArray text = QByteArray(R"({"message":"a body worth compressing"})").repeated(50);

    READ_BOTH_WAYS(outcome, bytes, Reading{});

    QCOMPARE(outcome.detail, QByteArray());
    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.body, text);
    QCOMPARE(outcome.received, text.size());
    QCOMPARE(outcome.progress.bodyBytes, text.size());
}

void HttpResponseReaderTest::bodyOverTheLimit_isCutThere()
{
    READ_BOTH_WAYS(outcome, withLength({}, "0123456789abcdefghij"), Reading{.limit = 10});

    QCOMPARE(outcome.state, State::Failed);
    QCOMPARE(outcome.code, CURLE_WRITE_ERROR);
    QCOMPARE(outcome.detail, QByteArray("Failure writing output to destination"));
    QVERIFY(outcome.truncated);
    QCOMPARE(outcome.body, QByteArray("0123456789"));
    QCOMPARE(outcome.received, 11); // the limit, and the byte that went past it
    QCOMPARE(outcome.announced, 20);
}

void HttpResponseReaderTest::bodyAtTheLimit_isWhole()
{
    READ_BOTH_WAYS(outcome, withLength({}, "0123456789"), Reading{.limit = 10});

    QCOMPARE(outcome.state, State::Complete);
    QVERIFY(!outcome.truncated);
    QCOMPARE(outcome.body, QByteArray("0123456789"));
}

void HttpResponseReaderTest::decompressionBomb_stopsAtTheLimit()
{
    // 64 MB of zeros are about 64 KB of gzip; the reader keeps 1 MB and stops there.
    const QByteArray bomb = compressed(QByteArray(64 * 1024 * 1024, '\0'), Wrapping::Gzip);
    QVERIFY(bomb.size() < 100 * 1024);
    constexpr qint64 limit = 1024 * 1024;

    READ_BOTH_WAYS(outcome, withLength("Content-Encoding: gzip\r\n", bomb),
                   Reading{.limit = limit});

    QCOMPARE(outcome.state, State::Failed);
    QCOMPARE(outcome.code, CURLE_WRITE_ERROR);
    QVERIFY(outcome.truncated);
    QCOMPARE(outcome.body.size(), limit);
    QCOMPARE(outcome.received, limit + 1);
}

void HttpResponseReaderTest::nextResponse_isLeftUnread()
{
    const QByteArray second = withLength({}, "second");
    const QList<QByteArray> firsts = {
        withLength({}, "first"),
        ok("Transfer-Encoding: chunked\r\n", "5\r\nfirst\r\n0\r\n\r\n"),
        "HTTP/1.1 204 No Content\r\n\r\n",
        withLength({}, {}),
    };
    for (const QByteArray &first : firsts) {
        const QByteArray both = first + second;
        READ_BOTH_WAYS(outcome, both, Reading{.closes = false});
        QCOMPARE(outcome.state, State::Complete);
        QCOMPARE(outcome.consumed, first.size());
        QVERIFY(outcome.keeps);

        READ_BOTH_WAYS(next, both.mid(outcome.consumed), Reading{.closes = false});
        QCOMPARE(next.state, State::Complete);
        QCOMPARE(next.body, QByteArray("second"));
    }
}

void HttpResponseReaderTest::keepsConnection_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("keeps");
    QTest::newRow("HTTP/1.1") << withLength({}, "ok") << true;
    QTest::newRow("HTTP/1.1, chunked")
        << ok("Transfer-Encoding: chunked\r\n", "2\r\nok\r\n0\r\n\r\n") << true;
    QTest::newRow("HTTP/1.1, Connection: close")
        << withLength("Connection: close\r\n", "ok") << false;
    QTest::newRow("HTTP/1.1, close among other tokens")
        << withLength("Connection: Upgrade, CLOSE\r\n", "ok") << false;
    QTest::newRow("HTTP/1.1, an interim response said close")
        << "HTTP/1.1 100 Continue\r\nConnection: close\r\n\r\n" + withLength({}, "ok") << false;
    QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")
                              << false;
    QTest::newRow("HTTP/1.0, Connection: keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok")
        << true;
    QTest::newRow("read up to the close") << ok({}, "ok") << false;
    QTest::newRow("a transfer coding other than chunked")
        << ok("Transfer-Encoding: gzip\r\nContent-Length: 20\r\n", compressed("ok", Wrapping::Gzip))
        << false;
}

void HttpResponseReaderTest::keepsConnection()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, keeps);

    READ_BOTH_WAYS(outcome, bytes, Reading{});

    QCOMPARE(outcome.detail, QByteArray());
    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.body, QByteArray("ok"));
    QCOMPARE(outcome.keeps, keeps);
}

void HttpResponseReaderTest::closedInTheHead_withoutLength_isAnAnswer()
{
    // libcurl takes a status line and some headers, then the close, for an answer.
    READ_BOTH_WAYS(outcome, QByteArray("HTTP/1.1 200 OK\r\nX-Cut: short\r\nX-Part"), Reading{});

    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.status, 200);
    QCOMPARE(headerText(outcome.headers), QByteArray("X-Cut: short\n"));
    QVERIFY(!outcome.progress.headersComplete);
    QVERIFY(!outcome.keeps);
}

void HttpResponseReaderTest::statusLine_readAsLibcurlReadsIt_data()
{
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("keeps"); // HTTP/1.0 closes
    QTest::newRow("no reason") << QByteArray("HTTP/1.1 200") << 200 << true;
    QTest::newRow("bare LF line ends") << QByteArray("HTTP/1.1 201 Created") << 201 << true;
    QTest::newRow("spaces before the code") << QByteArray("HTTP/1.1   404 X") << 404 << true;
    QTest::newRow("HTTP/2 over HTTP/1.1") << QByteArray("HTTP/2 503") << 503 << true;
    QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0 200 OK") << 200 << false;
    // sscanf's literals are case-sensitive, libcurl's last resort is not: a 200 over 1.0.
    QTest::newRow("lower case") << QByteArray("http/1.1 404 Nope") << 200 << false;
    QTest::newRow("no digit after the slash") << QByteArray("HTTP/-1.1 404 X") << 200 << false;
}

void HttpResponseReaderTest::statusLine_readAsLibcurlReadsIt()
{
    QFETCH(QByteArray, statusLine);
    QFETCH(int, status);
    QFETCH(bool, keeps);
    const QByteArray lineEnd = QTest::currentDataTag() == QByteArray("bare LF line ends")
                                   ? QByteArray("\n")
                                   : QByteArray("\r\n");

    READ_BOTH_WAYS(outcome, statusLine + lineEnd + "Content-Length: 2" + lineEnd + lineEnd + "ok",
                   Reading{});

    QCOMPARE(outcome.detail, QByteArray());
    QCOMPARE(outcome.state, State::Complete);
    QCOMPARE(outcome.status, status);
    QCOMPARE(outcome.body, QByteArray("ok"));
    QCOMPARE(outcome.keeps, keeps);
}

void HttpResponseReaderTest::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("detail");

    const auto row = [](const char *name, const QByteArray &bytes, CURLcode code,
                        const char *detail) {
        QTest::newRow(name) << bytes << int(code) << QByteArray(detail);
    };
    const QByteArray gzip = compressed("{}", Wrapping::Gzip);

    row("nothing", {}, CURLE_GOT_NOTHING, "Empty reply from server");
    row("a partial status line", "HTTP/1.1 2", CURLE_GOT_NOTHING, "Empty reply from server");
    row("an interim response alone", "HTTP/1.1 100 Continue\r\n\r\n", CURLE_GOT_NOTHING,
        "Empty reply from server");
    row("101 Switching Protocols, then the close",
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", CURLE_GOT_NOTHING,
        "Empty reply from server");

    row("not HTTP", "<html>hello</html>", CURLE_UNSUPPORTED_PROTOCOL,
        "Received HTTP/0.9 when not allowed");
    row("a space before HTTP", " HTTP/1.1 200 OK\r\n\r\n", CURLE_UNSUPPORTED_PROTOCOL,
        "Received HTTP/0.9 when not allowed");
    row("an empty first line", "\r\nHTTP/1.1 200 OK\r\n\r\n", CURLE_UNSUPPORTED_PROTOCOL,
        "Received HTTP/0.9 when not allowed");
    row("not HTTP after an interim response", "HTTP/1.1 100 Continue\r\n\r\nhello",
        CURLE_UNSUPPORTED_PROTOCOL, "Received HTTP/0.9 when not allowed");

    row("status code of 11 digits", "HTTP/1.1 99999999999 OK\r\nContent-Length: 0\r\n\r\n",
        CURLE_UNSUPPORTED_PROTOCOL, "Unsupported response code in HTTP response");
    row("status code below 100", "HTTP/1.1 099 Odd\r\nContent-Length: 0\r\n\r\n",
        CURLE_UNSUPPORTED_PROTOCOL, "Unsupported response code in HTTP response");
    row("negative status code", "HTTP/1.1 -99 Odd\r\n\r\n", CURLE_UNSUPPORTED_PROTOCOL,
        "Unsupported response code in HTTP response");
    row("status code not a number", "HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n",
        CURLE_UNSUPPORTED_PROTOCOL, "Unsupported HTTP version in response");
    row("no status code", "HTTP/1.1\r\n\r\n", CURLE_UNSUPPORTED_PROTOCOL,
        "Unsupported HTTP version in response");
    row("only HTTP/", "HTTP/\r\n\r\n", CURLE_UNSUPPORTED_PROTOCOL,
        "Unsupported HTTP version in response");
    row("a tab before the code", "HTTP/1.1\t200 OK\r\n\r\n", CURLE_UNSUPPORTED_PROTOCOL,
        "Unsupported HTTP version in response");
    row("HTTP/1.2", "HTTP/1.2 200 OK\r\n\r\n", CURLE_UNSUPPORTED_PROTOCOL,
        "Unsupported HTTP version (1.2) in response");
    row("HTTP/3", "HTTP/3 200\r\n\r\n", CURLE_UNSUPPORTED_PROTOCOL,
        "Unsupported HTTP version (3.0) in response");

    row("header without colon", "HTTP/1.1 200 OK\r\nNo colon here\r\nContent-Length: 0\r\n\r\n",
        CURLE_WEIRD_SERVER_REPLY, "Header without colon");
    row("first header folded", "HTTP/1.1 200 OK\r\n folded\r\n\r\n", CURLE_WEIRD_SERVER_REPLY,
        "Header without colon");
    row("NUL in the status line", QByteArray("HTTP/1.1 200 OK\0\r\n\r\n", 21),
        CURLE_WEIRD_SERVER_REPLY, "Nul byte in header");
    row("NUL in a header", QByteArray("HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n", 28),
        CURLE_WEIRD_SERVER_REPLY, "Nul byte in header");
    row("negative Content-Length", withLength("Content-Length: -2\r\n", {}),
        CURLE_WEIRD_SERVER_REPLY, "Invalid Content-Length: value");
    row("Content-Length not a number", ok("Content-Length: abc\r\n", {}), CURLE_WEIRD_SERVER_REPLY,
        "Invalid Content-Length: value");
    row("empty Content-Length", ok("Content-Length: \r\n", {}), CURLE_WEIRD_SERVER_REPLY,
        "Invalid Content-Length: value");

    const QByteArray chunked = "Transfer-Encoding: chunked\r\n";
    row("chunk size not hex", ok(chunked, "zz\r\nabc"), CURLE_RECV_ERROR,
        "Illegal or missing hexadecimal sequence in chunked-encoding");
    row("chunk size of 17 digits", ok(chunked, "11111111111111111\r\n"), CURLE_RECV_ERROR,
        "Too long hexadecimal number in chunked-encoding");
    row("chunk size past 63 bits", ok(chunked, "ffffffffffffffff\r\n"), CURLE_RECV_ERROR,
        "Illegal or missing hexadecimal sequence in chunked-encoding");
    row("chunk longer than its size", ok(chunked, "3\r\nabcX\r\n"), CURLE_RECV_ERROR,
        "Malformed encoding found in chunked-encoding");
    row("last line not a line end", ok(chunked, "3\r\nabc\r\n0\r\n\r\r\n"), CURLE_RECV_ERROR,
        "Malformed encoding found in chunked-encoding");
    row("trailer of 4094 bytes", ok(chunked, "0\r\nT: " + QByteArray(4091, 't') + "\r\n\r\n"),
        CURLE_RECV_ERROR, "Out of memory in chunked-encoding");

    row("corrupt gzip", withLength("Content-Encoding: gzip\r\n", "this is not gzip at all"),
        CURLE_BAD_CONTENT_ENCODING,
        "Error while processing content unencoding: incorrect header check");
    row("corrupt gzip, chunked", ok(chunked + "Content-Encoding: gzip\r\n", "3\nabc\n0\n\n"),
        CURLE_BAD_CONTENT_ENCODING,
        "Error while processing content unencoding: incorrect header check");
    QByteArray wrongCrc = gzip;
    wrongCrc[wrongCrc.size() - 8] = char(wrongCrc[wrongCrc.size() - 8] ^ 0x55);
    row("gzip with a wrong checksum", withLength("Content-Encoding: gzip\r\n", wrongCrc),
        CURLE_BAD_CONTENT_ENCODING,
        "Error while processing content unencoding: incorrect data check");
    row("bytes after the gzip stream", withLength("Content-Encoding: gzip\r\n", gzip + "xx"),
        CURLE_WRITE_ERROR, "Failed writing received data to disk/application");
    row("snappy", withLength("Content-Encoding: snappy\r\n", "{}"), CURLE_BAD_CONTENT_ENCODING,
        "Unrecognized content encoding type. libcurl understands deflate, gzip, br, zstd "
        "content encodings.");
    row("br", withLength("Content-Encoding: br\r\n", "{}"), CURLE_BAD_CONTENT_ENCODING,
        "Unrecognized content encoding type. The kept-alive path decodes deflate and gzip "
        "only.");
    row("zstd", withLength("Content-Encoding: zstd\r\n", "{}"), CURLE_BAD_CONTENT_ENCODING,
        "Unrecognized content encoding type. The kept-alive path decodes deflate and gzip "
        "only.");
    row("six codings",
        withLength("Content-Encoding: gzip, identity\r\n"
                   "Transfer-Encoding: gzip, chunked, none\r\n"
                   "Content-Encoding: deflate, gzip\r\n",
                   {}),
        CURLE_BAD_CONTENT_ENCODING, "Reject response due to more than 5 content encodings");

    row("closed in the body", withLength({}, "0123456789").chopped(7), CURLE_PARTIAL_FILE,
        "transfer closed with 7 bytes remaining to read");
    row("closed in the head, after Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n",
        CURLE_PARTIAL_FILE, "transfer closed with 5 bytes remaining to read");
    row("closed in a chunk", ok(chunked, "a\r\nabc"), CURLE_PARTIAL_FILE,
        "transfer closed with outstanding read data remaining");
    row("closed in the trailers", ok(chunked, "0\r\nX-Trailer: 1\r\n"), CURLE_PARTIAL_FILE,
        "transfer closed with outstanding read data remaining");
    row("closed in the head, after chunked", "HTTP/1.1 200 OK\r\n" + chunked, CURLE_PARTIAL_FILE,
        "transfer closed with outstanding read data remaining");
}

void HttpResponseReaderTest::refused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(QByteArray, detail);

    READ_BOTH_WAYS(outcome, bytes, Reading{});

    QCOMPARE(outcome.state, State::Failed);
    QCOMPARE(outcome.detail, detail);
    QCOMPARE(int(outcome.code), code);
}

void HttpResponseReaderTest::headerLine_overLibcurlsLimit_isOutOfMemoryWithoutWords()
{
    // libcurl holds a line and a terminating zero in 100 KB: a line of 102399 bytes fits.
    const auto lineOf = [](qsizetype bytes) {
        return withLength("X-Big: " + QByteArray(bytes - 9, 'a') + "\r\n", "ok");
    };

    READ_BOTH_WAYS(fits, lineOf(CurlErrorTranslator::kMaxHeaderLineBytes - 1), Reading{});
    READ_BOTH_WAYS(refused, lineOf(CurlErrorTranslator::kMaxHeaderLineBytes), Reading{});

    QCOMPARE(fits.state, State::Complete);
    QCOMPARE(fits.body, QByteArray("ok"));
    QCOMPARE(refused.state, State::Failed);
    QCOMPARE(refused.code, CURLE_OUT_OF_MEMORY);
    QVERIFY(refused.detail.isEmpty());
    QVERIFY(refused.progress.finalStatusSeen);
    QVERIFY(!refused.progress.headersComplete);
}

void HttpResponseReaderTest::headerBlock_overLibcurlsLimit_countsInterimResponses()
{
    // Lines of 1000 bytes up to `total` header bytes, status lines and blank lines included.
    const auto headOf = [](qsizetype total, const QByteArray &before) -> QByteArray {
        QByteArray head = before + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n";
        while (total - head.size() - 2 > 1000)
            head += "X-Filler: " + QByteArray(1000 - 12, 'b') + "\r\n";
        head += "X-Last: " + QByteArray(total - head.size() - 2 - 10, 'c') + "\r\n";
        return head + "\r\n";
    };
    const QByteArray interim =
        "HTTP/1.1 102 Processing\r\nX-Wait: " + QByteArray(90'000, 'w') + "\r\n\r\n";

    READ_BOTH_WAYS(fits, headOf(CurlErrorTranslator::kMaxHeaderBytes, {}), Reading{});
    READ_BOTH_WAYS(over, headOf(CurlErrorTranslator::kMaxHeaderBytes + 1, {}), Reading{});
    READ_BOTH_WAYS(fitsAlone, headOf(250'000, {}), Reading{});
    READ_BOTH_WAYS(afterInterim, headOf(250'000 + interim.size(), interim), Reading{});

    QCOMPARE(fits.state, State::Complete);
    QCOMPARE(over.state, State::Failed);
    QCOMPARE(over.code, CURLE_RECV_ERROR);
    QCOMPARE(over.detail, QByteArray("Too large response headers: 307201 > 307200"));
    QVERIFY(over.progress.headersComplete); // the blank line crossed the limit
    QCOMPARE(fitsAlone.state, State::Complete);
    QCOMPARE(afterInterim.code, CURLE_RECV_ERROR);
    // The interim response's 90037 bytes, the status line, Content-Length, 218 fillers.
    QCOMPARE(afterInterim.detail, QByteArray("Too large response headers: 308073 > 307200"));
    QVERIFY(!afterInterim.progress.headersComplete);
    QCOMPARE(afterInterim.progress.interimResponses, 1);
}

void HttpResponseReaderTest::refusals_translateAsTheEngineWordsThem()
{
    // The facts the engine gathers for CurlErrorTranslator, from the reader.
    const auto translated = [](const QByteArray &bytes) {
        HttpResponseReader reader(false, 1 << 20);
        reader.feed(bytes.constData(), bytes.size());
        reader.endOfStream();
        CurlErrorTranslator::Facts facts;
        facts.code = reader.failureCode();
        facts.detail = reader.failureDetail();
        facts.host = QStringLiteral("127.0.0.1");
        facts.port = 8000;
        facts.answer = reader.progress();
        facts.contentEncoding = reader.contentEncoding();
        facts.bodyBytesExpected = reader.announcedLength();
        return CurlErrorTranslator::translate(facts).message;
    };

    QCOMPARE(translated(withLength({}, "0123456789").chopped(7)),
             QStringLiteral("127.0.0.1:8000 closed the connection in the middle of its answer "
                            "(3 of 10 announced bytes arrived)"));
    QCOMPARE(translated("HTTP/1.1 200 OK\r\nNo colon\r\n\r\n"),
             QStringLiteral("127.0.0.1:8000 sent an invalid response header (libcurl: Header "
                            "without colon)"));
    QCOMPARE(translated(withLength("Content-Encoding: gzip\r\n", "not gzip")),
             QStringLiteral("the body from 127.0.0.1:8000 cannot be decoded as gzip, as its "
                            "Content-Encoding header says it is (incorrect header check)"));
    QCOMPARE(translated("HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(200'000, 'a')),
             QStringLiteral("127.0.0.1:8000 sent a response header line longer than 100 KB, the "
                            "most libcurl reads in one line; the answer was refused"));
}

QTEST_GUILESS_MAIN(HttpResponseReaderTest)
#include "tst_httpresponsereader.moc"
