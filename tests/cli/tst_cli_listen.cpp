// plugin-studio listen as an author uses it: the real executable records what a client
// sends, the recordings replay through the real simulate command, and a killed listener
// keeps everything it answered.
#include "CliReports.h"
#include "CliRunner.h"
#include "RawClient.h"
#include "RunningCli.h"
#include "SendAndWait.h"
#include "TestFiles.h"
#include "http/HttpClient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace studio;
using namespace studio::test;

class CliListenTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void recordedTranscript_replaysAsTheSameBatches();
    void recordedMemory_replaysThroughSimulateMemory();
    void killedListener_keepsEverythingItAnswered();
    void hostileClients_getANote_andListeningGoesOn();
    void requests_goIntoTheRunHistory();
    void badOptions_areUsageErrors();

private:
    QStringList listenArguments(const QString &folder) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_environment;
};

namespace {

const QString kTranscript = QStringLiteral(STUDIO_SAMPLES_DIR "/transcripts/coffee-chat-3min.json");
const QString kMemory = QStringLiteral(STUDIO_SAMPLES_DIR "/memories/action-items.json");

HttpResult post(const QString &url, const QByteArray &body,
                const QByteArray &type = "application/json")
{
    HttpClient client;
    HttpRequest request;
    request.url = url;
    request.headers = {{"Content-Type", type}};
    request.body = body;
    return sendAndWait(client, request);
}

QStringList simulateTranscript(const QString &url, const QString &transcript,
                               const QString &report)
{
    return {QStringLiteral("simulate"),   QStringLiteral("transcript"),
            QStringLiteral("--manifest"), testData("transcript-manifest.json"),
            QStringLiteral("--url"),      url,
            QStringLiteral("--transcript"), transcript,
            QStringLiteral("--fast"),     QStringLiteral("--report"),
            report,                       QStringLiteral("--no-history")};
}

// Each request of a JSON report as "label: segments, bytes".
QStringList batchesOf(const QString &report)
{
    QStringList batches;
    const QJsonArray requests =
        QJsonDocument::fromJson(readFile(report)).object().value(QStringLiteral("requests")).toArray();
    for (const QJsonValue &value : requests) {
        const QJsonObject request = value.toObject();
        batches << QStringLiteral("%1: %2 segments, %3 bytes, status %4")
                       .arg(request.value(QStringLiteral("label")).toString())
                       .arg(request.value(QStringLiteral("segments")).toInt())
                       .arg(request.value(QStringLiteral("payload_bytes")).toInteger())
                       .arg(request.value(QStringLiteral("status")).toInt());
    }
    return batches;
}

// The "+N segments" notes of a listener's stderr, in order.
QStringList segmentNotes(const QString &err)
{
    QStringList notes;
    const QRegularExpression note(QStringLiteral("\\+(\\d+) segments? of session"));
    for (auto match = note.globalMatch(err); match.hasNext();)
        notes << match.next().captured(1);
    return notes;
}

} // namespace

void CliListenTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_environment.insert(QStringLiteral("PLUGIN_STUDIO_DATA_DIR"), m_dir->filePath(QStringLiteral("data")));
}

QStringList CliListenTest::listenArguments(const QString &folder) const
{
    return {QStringLiteral("listen"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--out"), folder};
}

void CliListenTest::recordedTranscript_replaysAsTheSameBatches()
{
    const QString first = m_dir->filePath(QStringLiteral("first"));
    RunningCli recording(listenArguments(first), m_environment);
    const QString base = recording.firstLine();
    QVERIFY2(base.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(recording.err()));
    const QString firstReport = m_dir->filePath(QStringLiteral("first.json"));
    const CliRun sent = runCli(simulateTranscript(base + QStringLiteral("/hook"), kTranscript,
                                                  firstReport), {}, m_environment);
    QCOMPARE(sent.exitCode, 0);
    QVERIFY(recording.stop(SIGTERM));
    QCOMPARE(recording.exitCode(), 0);
    const QStringList recorded = QDir(first).entryList(QDir::Files);
    QCOMPARE(recorded, QStringList{QStringLiteral("transcript-plugin-studio-test-uid.json")});
    const QString fixture = QDir(first).filePath(recorded.first());

    // The recording, replayed with the same window, to a second listener.
    const QString second = m_dir->filePath(QStringLiteral("second"));
    RunningCli replaying(listenArguments(second), m_environment);
    const QString secondBase = replaying.firstLine();
    QVERIFY(!secondBase.isEmpty());
    const QString secondReport = m_dir->filePath(QStringLiteral("second.json"));
    const CliRun replayed = runCli(simulateTranscript(secondBase + QStringLiteral("/hook"),
                                                      fixture, secondReport), {}, m_environment);
    QCOMPARE(replayed.exitCode, 0);
    QVERIFY(replaying.stop(SIGTERM));

    const QStringList batches = batchesOf(firstReport);
    QCOMPARE(batches.size(), 6);
    QCOMPARE(batchesOf(secondReport), batches);
    QCOMPARE(segmentNotes(replaying.err()), segmentNotes(recording.err()));
    QCOMPARE(segmentNotes(recording.err()).size(), 6);
    QCOMPARE(readFile(QDir(second).filePath(recorded.first())), readFile(fixture));
}

void CliListenTest::recordedMemory_replaysThroughSimulateMemory()
{
    const QString folder = m_dir->filePath(QStringLiteral("memories"));
    RunningCli listen(listenArguments(folder), m_environment);
    const QString base = listen.firstLine();
    const CliRun sent = runCli({QStringLiteral("simulate"), QStringLiteral("memory"),
                                QStringLiteral("--manifest"), testData("memory-manifest.json"),
                                QStringLiteral("--url"), base + QStringLiteral("/m"),
                                QStringLiteral("--memory"), kMemory, QStringLiteral("--quiet")},
                               {}, m_environment);
    QCOMPARE(sent.exitCode, 0);
    QVERIFY(listen.waitForErr(QStringLiteral("-> memory-1.json: a memory")));

    const CliRun replayed = runCli({QStringLiteral("simulate"), QStringLiteral("memory"),
                                    QStringLiteral("--manifest"), testData("memory-manifest.json"),
                                    QStringLiteral("--url"), base + QStringLiteral("/m"),
                                    QStringLiteral("--memory"),
                                    QDir(folder).filePath(QStringLiteral("memory-1.json")),
                                    QStringLiteral("--quiet")},
                                   {}, m_environment);
    QCOMPARE(replayed.exitCode, 0);
    QVERIFY(listen.waitForErr(QStringLiteral("-> memory-2.json: a memory")));
    QCOMPARE(readFile(QDir(folder).filePath(QStringLiteral("memory-2.json"))),
             readFile(QDir(folder).filePath(QStringLiteral("memory-1.json"))));
}

void CliListenTest::killedListener_keepsEverythingItAnswered()
{
    const QString folder = m_dir->filePath(QStringLiteral("killed"));
    RunningCli listen(listenArguments(folder), m_environment);
    const QString base = listen.firstLine();
    QVERIFY(!base.isEmpty());
    const QByteArray memory = readFile(kMemory);
    for (int call = 0; call < 20; ++call) {
        const QByteArray batch = QStringLiteral(R"({"session_id": "s", "segments": [{"text": "call %1",
            "speaker": "SPEAKER_00", "speaker_id": 0, "is_user": true, "person_id": null,
            "start": %1, "end": %2}]})").arg(call).arg(call + 1).toUtf8();
        QCOMPARE(post(base + QStringLiteral("/rt?uid=u"), batch).status, 200);
        if (call % 5 == 0)
            QCOMPARE(post(base + QStringLiteral("/m?uid=u"), memory).status, 200);
    }

    QVERIFY(listen.stop(SIGKILL));

    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 5);
    for (int n = 1; n <= 4; ++n)
        QCOMPARE(readFile(QDir(folder).filePath(QStringLiteral("memory-%1.json").arg(n))), memory);
    const CliRun replay = runCli(simulateTranscript(QStringLiteral("http://127.0.0.1:9/none"),
                                                    QDir(folder).filePath(QStringLiteral("transcript-s.json")),
                                                    m_dir->filePath(QStringLiteral("r.json"))),
                                 {}, m_environment);
    // Nothing listens there: every batch fails, but the transcript loaded whole.
    QVERIFY2(replay.errText().contains(u"window 0-30 s (20 segments)"), qPrintable(replay.errText()));
}

void CliListenTest::hostileClients_getANote_andListeningGoesOn()
{
    const QString folder = m_dir->filePath(QStringLiteral("hostile"));
    RunningCli listen(listenArguments(folder) +
                          QStringList{QStringLiteral("--max-body"), QStringLiteral("0.01")},
                      m_environment);
    const QString base = listen.firstLine();
    const quint16 port = QUrl(base).port();

    QCOMPARE(post(base + QStringLiteral("/big"), QByteArray(20'000, 'x'), "text/plain").status, 413);
    QVERIFY(listen.waitForErr(QStringLiteral("refused 413 from 127.0.0.1:")));
    {
        RawClient garbage(port);
        garbage.send(QByteArray("\x16\x03\x01\x02\x00\x01\x00", 7)); // a TLS hello
        QTRY_VERIFY(garbage.received().startsWith("HTTP/1.1 400 "));
    }
    QVERIFY(listen.waitForErr(QStringLiteral("refused 400")));
    QCOMPARE(post(base + QStringLiteral("/text"), "hello \x1b[31mred", "text/plain").status, 200);
    QVERIFY(listen.waitForErr(QStringLiteral("-> request-1.http: kept raw: not JSON (text/plain")));
    QVERIFY(!listen.err().contains(u'\x1b')); // escapes are shown, never obeyed

    QVERIFY(listen.stop(SIGTERM));
    QCOMPARE(listen.exitCode(), 0);
}

void CliListenTest::requests_goIntoTheRunHistory()
{
    const QString folder = m_dir->filePath(QStringLiteral("history"));
    RunningCli listen(listenArguments(folder), m_environment);
    const QString base = listen.firstLine();
    QCOMPARE(post(base + QStringLiteral("/m?uid=u7"), readFile(kMemory)).status, 200);
    QVERIFY(listen.waitForErr(QStringLiteral("memory-1.json")));
    QVERIFY(listen.stop(SIGTERM));

    const CliRun list = runCli({QStringLiteral("runs"), QStringLiteral("list")}, {}, m_environment);
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.outText().contains(QStringLiteral("listen      received  memory_creation  %1/m?uid=u7")
                                         .arg(base)),
             qPrintable(list.outText()));
    const CliRun show = runCli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("last")},
                               {}, m_environment);
    QVERIFY(show.outText().contains(QStringLiteral("POST %1/m?uid=u7").arg(base)));
    QVERIFY(show.outText().contains(u"memory-1.json: a memory"));
    const CliRun rerun = runCli({QStringLiteral("runs"), QStringLiteral("rerun"), QStringLiteral("last")},
                                {}, m_environment);
    QCOMPARE(rerun.exitCode, 2);
    QVERIFY(rerun.errText().contains(u"replay its fixture"));
}

void CliListenTest::badOptions_areUsageErrors()
{
    const QString answer = m_dir->filePath(QStringLiteral("answer.json"));
    writeFile(answer, "{\n  \"message\": oops\n}\n");
    const CliRun badAnswer = runCli({QStringLiteral("listen"), QStringLiteral("--answer"), answer});
    QCOMPARE(badAnswer.exitCode, 2);
    QVERIFY2(badAnswer.errText().contains(answer + QStringLiteral(":2:14: --answer is not JSON")),
             qPrintable(badAnswer.errText()));

    const QString aFile = m_dir->filePath(QStringLiteral("a-file"));
    writeFile(aFile, "x");
    const CliRun badOut = runCli({QStringLiteral("listen"), QStringLiteral("--out"), aFile});
    QCOMPARE(badOut.exitCode, 2);
    QVERIFY(badOut.errText().contains(u"is a file, not a folder"));
}

QTEST_GUILESS_MAIN(CliListenTest)
#include "tst_cli_listen.moc"
