// The server's request parser on its own: the same requests however the bytes arrive, and
// a refusal with a status and a reason for what cannot be a request.
#include "server/HttpRequestParser.h"

#include <QTest>

using namespace studio;

class HttpRequestParserTest : public QObject
{
    Q_OBJECT

private slots:
    void anySplit_givesTheSameRequests_data();
    void anySplit_givesTheSameRequests();
    void refusals_data();
    void refusals();
    void continue_isAskedOnce_whenTheBodyIsMissing();
    void keepAlive_followsVersionAndConnection();
    void manySmallChunks_areReadInLinearTime();
};

namespace {

using Progress = HttpRequestParser::Progress;

QList<HttpServerRequest> parseInPieces(const QByteArray &bytes, qsizetype piece,
                                       int *refusal = nullptr)
{
    HttpRequestParser parser(1024 * 1024);
    QList<HttpServerRequest> requests;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        parser.append(bytes.mid(at, piece));
        for (Progress progress = parser.next(); progress != Progress::NeedMore;
             progress = parser.next()) {
            if (progress == Progress::Refused) {
                if (refusal)
                    *refusal = parser.refusalStatus();
                return requests;
            }
            requests.append(parser.takeRequest());
        }
    }
    return requests;
}

const QByteArray kPipeline =
    "\r\nPOST /hook?uid=u%201 HTTP/1.1\r\nHost: t\r\nX-Case: MiXeD\r\nContent-Length: 5\r\n\r\n"
    "hello"
    "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n"
    "A\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n"
    "GET /last HTTP/1.0\r\n\r\n";

} // namespace

void HttpRequestParserTest::anySplit_givesTheSameRequests_data()
{
    QTest::addColumn<int>("piece");
    for (const int piece : {1, 2, 3, 5, 7, 16, 1000})
        QTest::addRow("%d bytes a read", piece) << piece;
}

void HttpRequestParserTest::anySplit_givesTheSameRequests()
{
    QFETCH(int, piece);
    const QList<HttpServerRequest> requests = parseInPieces(kPipeline, piece);
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].method, QByteArray("POST"));
    QCOMPARE(requests[0].target, QByteArray("/hook?uid=u%201"));
    QCOMPARE(requests[0].path, QByteArray("/hook"));
    QCOMPARE(requests[0].headers.size(), 3);
    QCOMPARE(requests[0].header("x-case"), QByteArray("MiXeD"));
    QCOMPARE(requests[0].body, QByteArray("hello"));
    QCOMPARE(requests[1].body, QByteArray("abc0123456789"));
    QCOMPARE(requests[2].path, QByteArray("/last"));
    QCOMPARE(requests[2].version, QByteArray("HTTP/1.0"));
    QVERIFY(requests[2].body.isEmpty());
}

void HttpRequestParserTest::refusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("a TLS hello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00", 7) << 400;
    QTest::newRow("control byte in a header")
        << QByteArray("GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nbroken\r\n\r\n") << 400;
    QTest::newRow("negative length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("length over the limit")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n") << 413;
    QTest::newRow("chunks over the limit")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n100001\r\n") << 413;
    QTest::newRow("chunk size not hex")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    QTest::newRow("chunk size too long")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "ffffffffffffffffffff\r\n")
        << 400;
    QTest::newRow("chunk longer than its size")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n") << 400;
    QTest::newRow("head over 64 KB")
        << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70'000, 'a')) << 431;
}

void HttpRequestParserTest::refusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    for (const qsizetype piece : {qsizetype(1), qsizetype(13), bytes.size()}) {
        int refusal = 0;
        const QList<HttpServerRequest> requests = parseInPieces(bytes, piece, &refusal);
        QVERIFY(requests.isEmpty());
        QCOMPARE(refusal, status);
    }
    HttpRequestParser parser(1024 * 1024);
    parser.append(bytes);
    QCOMPARE(parser.next(), Progress::Refused);
    QVERIFY(!parser.refusalReason().isEmpty());
}

void HttpRequestParserTest::continue_isAskedOnce_whenTheBodyIsMissing()
{
    HttpRequestParser parser(1024);
    parser.append("POST /u HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QCOMPARE(parser.next(), Progress::NeedMore);
    QVERIFY(parser.takeContinueRequest());
    QVERIFY(!parser.takeContinueRequest());
    QCOMPARE(parser.currentTarget(), QByteArray("/u"));
    parser.append("body");
    QCOMPARE(parser.next(), Progress::Complete);
    QCOMPARE(parser.takeRequest().body, QByteArray("body"));
    QVERIFY(!parser.hasPendingBytes());
}

void HttpRequestParserTest::keepAlive_followsVersionAndConnection()
{
    const auto keepAlive = [](const QByteArray &head) {
        HttpRequestParser parser(1024);
        parser.append(head + "\r\n");
        const bool complete = parser.next() == Progress::Complete;
        return complete && parser.keepAlive();
    };
    QVERIFY(keepAlive("GET / HTTP/1.1\r\n"));
    QVERIFY(!keepAlive("GET / HTTP/1.1\r\nConnection: close\r\n"));
    QVERIFY(!keepAlive("GET / HTTP/1.0\r\n"));
    QVERIFY(keepAlive("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n"));
}

void HttpRequestParserTest::manySmallChunks_areReadInLinearTime()
{
    // 200 000 one-byte chunks, fed a few bytes at a time: a parser that rescans from the
    // start would do billions of steps here; this one finishes in moments.
    QByteArray chunks;
    for (int i = 0; i < 200'000; ++i)
        chunks += "1\r\nx\r\n";
    const QByteArray bytes =
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n";
    const QList<HttpServerRequest> requests = parseInPieces(bytes, 5);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().body, QByteArray(200'000, 'x'));
}

QTEST_GUILESS_MAIN(HttpRequestParserTest)
#include "tst_httprequestparser.moc"
