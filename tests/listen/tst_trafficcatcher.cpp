// The catcher over real sockets: what it answers, and the fixture each request becomes,
// read back by the simulator's own loaders.
#include "SendAndWait.h"
#include "TestFiles.h"
#include "http/HttpClient.h"
#include "listen/TrafficCatcher.h"
#include "server/HttpServer.h"
#include "simulation/payload/MemoryFixtureLoader.h"
#include "transcript/TranscriptLoader.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using studio::test::readFile;
using studio::test::sendAndWait;
using studio::test::writeFile;

class TrafficCatcherTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void memory_isKeptByteForByte_andLoadsAsAFixture();
    void transcriptCalls_becomeOneTranscriptPerSession();
    void hostileSessionIds_stayInsideTheFolder();
    void earlierRecordings_areNeverOverwritten();
    void anythingElse_isKeptRaw_withTheReason();
    void everyRequest_getsTheGivenAnswer();
    void oversizedBody_isRefused_andListeningGoesOn();

private:
    HttpResult post(const QString &target, const QByteArray &body,
                    const QByteArray &type = "application/json");
    CaughtRequest lastCaught();
    void startCatcher(const QByteArray &answer = "{}", qint64 maxBodyBytes = 10 * 1024 * 1024);
    QStringList files() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TrafficCatcher> m_catcher;
    std::unique_ptr<QSignalSpy> m_caught;
    std::unique_ptr<HttpClient> m_client;
};

namespace {

QByteArray batch(const char *session, const QList<QByteArray> &texts, double start)
{
    QByteArray segments;
    for (const QByteArray &text : texts) {
        if (!segments.isEmpty())
            segments += ',';
        segments += R"({"text": ")" + text + R"(", "speaker": "SPEAKER_00", "speaker_id": 0,
            "is_user": true, "person_id": null, "start": )" + QByteArray::number(start) +
                    R"(, "end": )" + QByteArray::number(start + 1) + '}';
        start += 1;
    }
    const QByteArray sessionField =
        session ? QByteArray(R"("session_id": ")") + session + "\", " : QByteArray();
    return "{" + sessionField + R"("segments": [)" + segments + "]}";
}

} // namespace

void TrafficCatcherTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_client = std::make_unique<HttpClient>();
}

void TrafficCatcherTest::cleanup()
{
    m_caught.reset();
    m_catcher.reset();
    m_client.reset();
    m_dir.reset();
}

void TrafficCatcherTest::startCatcher(const QByteArray &answer, qint64 maxBodyBytes)
{
    HttpServerOptions options;
    options.maxBodyBytes = maxBodyBytes;
    m_catcher = std::make_unique<TrafficCatcher>(options, m_dir->path(), answer);
    QVERIFY(m_catcher->isListening());
    m_caught = std::make_unique<QSignalSpy>(m_catcher.get(), &TrafficCatcher::caught);
}

HttpResult TrafficCatcherTest::post(const QString &target, const QByteArray &body,
                                    const QByteArray &type)
{
    HttpRequest request;
    request.url = m_catcher->baseUrl() + target;
    request.headers = {{"Content-Type", type}};
    request.body = body;
    return sendAndWait(*m_client, request);
}

CaughtRequest TrafficCatcherTest::lastCaught()
{
    if (!QTest::qWaitFor([&] { return m_caught->size() > 0; }, 5000))
        return {};
    return m_caught->takeLast().first().value<CaughtRequest>();
}

QStringList TrafficCatcherTest::files() const
{
    return QDir(m_dir->path()).entryList(QDir::Files, QDir::Name);
}

void TrafficCatcherTest::memory_isKeptByteForByte_andLoadsAsAFixture()
{
    startCatcher();
    const QByteArray memory = readFile(QStringLiteral(STUDIO_SAMPLES_DIR "/memories/action-items.json"));

    const HttpResult result = post(QStringLiteral("/webhook?uid=u1"), memory);

    QCOMPARE(result.status, 200);
    const CaughtRequest caught = lastCaught();
    QCOMPARE(caught.kind, CaughtRequest::Kind::Memory);
    QVERIFY(caught.written);
    QCOMPARE(caught.fixture, m_dir->filePath(QStringLiteral("memory-1.json")));
    QCOMPARE(caught.request.answerStatus, 200);
    QCOMPARE(readFile(caught.fixture), memory);
    const MemoryLoadResult loaded = MemoryFixtureLoader::loadFile(caught.fixture);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error->message));
}

void TrafficCatcherTest::transcriptCalls_becomeOneTranscriptPerSession()
{
    startCatcher();
    QCOMPARE(post(QStringLiteral("/rt?uid=u1"), batch("s1", {"one", "two"}, 0)).status, 200);
    QCOMPARE(post(QStringLiteral("/rt?uid=u1"), batch("s2", {"other"}, 0)).status, 200);
    QCOMPARE(post(QStringLiteral("/rt?uid=u1"), batch("s1", {"three"}, 2)).status, 200);
    QCOMPARE(post(QStringLiteral("/rt?uid=u9"), batch(nullptr, {"by uid"}, 0)).status, 200);

    QCOMPARE(files(), (QStringList{QStringLiteral("transcript-s1.json"),
                                   QStringLiteral("transcript-s2.json"),
                                   QStringLiteral("transcript-u9.json")}));
    const TranscriptLoadResult s1 =
        TranscriptLoader::loadFile(m_dir->filePath(QStringLiteral("transcript-s1.json")));
    QVERIFY(s1.ok());
    QCOMPARE(s1.segments.size(), 3);
    QCOMPARE(s1.segments.at(0).text, QStringLiteral("one"));
    QCOMPARE(s1.segments.at(2).text, QStringLiteral("three"));
    QTRY_COMPARE(m_caught->size(), 4);
    const CaughtRequest third = m_caught->at(2).first().value<CaughtRequest>();
    QCOMPARE(third.kind, CaughtRequest::Kind::Transcript);
    QVERIFY2(third.note.contains(QStringLiteral("+1 segment of session s1 (3 in all)")),
             qPrintable(third.note));
}

void TrafficCatcherTest::hostileSessionIds_stayInsideTheFolder()
{
    startCatcher();
    for (const char *session : {"../../escape", "/etc/passwd", ".hidden", "a b\\u0000c", ""}) {
        QCOMPARE(post(QStringLiteral("/rt?uid=u1"), batch(session, {"x"}, 0)).status, 200);
    }
    const QStringList written = files();
    QCOMPARE(written.size(), 5); // the empty id falls back to the uid
    for (const QString &name : written) {
        QVERIFY2(name.startsWith(QStringLiteral("transcript-")) && name.endsWith(u".json") &&
                     !name.contains(u'/') && !name.mid(11).startsWith(u'.'),
                 qPrintable(name));
    }
    QVERIFY(written.contains(QStringLiteral("transcript-u1.json")));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size(), 5);
}

void TrafficCatcherTest::earlierRecordings_areNeverOverwritten()
{
    writeFile(m_dir->filePath(QStringLiteral("memory-1.json")), "earlier");
    writeFile(m_dir->filePath(QStringLiteral("transcript-s1.json")), "earlier");
    writeFile(m_dir->filePath(QStringLiteral("request-1.http")), "earlier");
    startCatcher();

    post(QStringLiteral("/m"), R"({"structured": {}, "created_at": "2026-01-01T00:00:00Z"})");
    post(QStringLiteral("/rt"), batch("s1", {"new"}, 0));
    post(QStringLiteral("/other"), "plain text", "text/plain");

    QCOMPARE(files(), (QStringList{QStringLiteral("memory-1.json"), QStringLiteral("memory-2.json"),
                                   QStringLiteral("request-1.http"),
                                   QStringLiteral("request-2.http"),
                                   QStringLiteral("transcript-s1-2.json"),
                                   QStringLiteral("transcript-s1.json")}));
    for (const char *name : {"memory-1.json", "transcript-s1.json", "request-1.http"})
        QCOMPARE(readFile(m_dir->filePath(QString::fromLatin1(name))), QByteArray("earlier"));
}

void TrafficCatcherTest::anythingElse_isKeptRaw_withTheReason()
{
    startCatcher();
    const QByteArray audio("\x00\x01\x02\xff", 4);

    QCOMPARE(post(QStringLiteral("/audio?sample_rate=16000&uid=u1"), audio,
                  "application/octet-stream")
                 .status,
             200);

    const CaughtRequest caught = lastCaught();
    QCOMPARE(caught.kind, CaughtRequest::Kind::Other);
    QVERIFY2(caught.note.startsWith(QStringLiteral("kept raw: not JSON (application/octet-stream")),
             qPrintable(caught.note));
    const QByteArray raw = readFile(m_dir->filePath(QStringLiteral("request-1.http")));
    QVERIFY(raw.startsWith("POST /audio?sample_rate=16000&uid=u1 HTTP/1.1\r\n"));
    QVERIFY(raw.contains("\r\nContent-Type: application/octet-stream\r\n"));
    QVERIFY(raw.endsWith(QByteArray(QByteArray("\r\n\r\n") + audio)));
}

void TrafficCatcherTest::everyRequest_getsTheGivenAnswer()
{
    startCatcher(R"({"message": "recorded by the catcher"})");
    const HttpResult result = post(QStringLiteral("/anything"), "{}");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray(R"({"message": "recorded by the catcher"})"));
}

void TrafficCatcherTest::oversizedBody_isRefused_andListeningGoesOn()
{
    startCatcher("{}", 1024);
    QSignalSpy refused(&m_catcher->server(), &HttpServer::requestRefused);

    QCOMPARE(post(QStringLiteral("/big"), QByteArray(2048, 'x'), "text/plain").status, 413);
    QTRY_COMPARE(refused.size(), 1);
    QVERIFY(files().isEmpty());

    QCOMPARE(post(QStringLiteral("/small"), "{}").status, 200);
    QCOMPARE(files(), QStringList{QStringLiteral("request-1.http")});
}

QTEST_GUILESS_MAIN(TrafficCatcherTest)
#include "tst_trafficcatcher.moc"
