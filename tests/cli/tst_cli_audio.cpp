#include "CliReports.h"
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "WavFiles.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

// plugin-studio simulate audio: the real executable streaming a WAV written here to a real
// loopback server.
class CliAudioTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const char *name, const QByteArray &bytes)
    {
        return writeTestWav(m_dir, name, bytes);
    }

    static QStringList simulateAudio(const QString &url, const QStringList &more)
    {
        return QStringList{QStringLiteral("simulate"),   QStringLiteral("audio"),
                           QStringLiteral("--manifest"), testData("audio-app.json"),
                           QStringLiteral("--url"),      url,
                           QStringLiteral("--no-history")} +
               more;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void streamsAWavAndReportsEachChunk()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok"));
        const QString wav = write("ten.wav", monoWav(8000, 10));
        const QString report = m_dir.filePath(QStringLiteral("report.json"));
        const CliRun run = runCli(simulateAudio(
            server.url("/audio"), {QStringLiteral("--audio"), wav, QStringLiteral("--fast"),
                                   QStringLiteral("--uid"), QStringLiteral("u 1"),
                                   QStringLiteral("--report"), report}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QVERIFY2(run.errText().contains(u"simulating audio_bytes of 'Audio Listener'"),
                 qPrintable(run.errText()));
        QVERIFY(run.errText().contains(u"4 s chunks at 8000 Hz, latest wins"));

        const QList<HttpServerRequest> requests = server.requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests[0].target, QByteArray("/audio?sample_rate=8000&uid=u%201"));
        QCOMPARE(requests[0].header("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(requests[0].body.size(), 8000 * 4 * 2);
        QCOMPARE(requests[2].body.size(), 8000 * 2 * 2);
        const QJsonObject json = readJsonObject(report);
        QVERIFY(!json.isEmpty());
        QVERIFY(QJsonDocument(json).toJson().contains("audio_bytes"));
    }

    void chunkSecondsAndRawPcm()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok"));
        const QString raw = write("one.raw", countingSamples(22050));
        const CliRun run = runCli(simulateAudio(
            server.url("/audio"),
            {QStringLiteral("--audio"), raw, QStringLiteral("--sample-rate"),
             QStringLiteral("22050"), QStringLiteral("--chunk-seconds"), QStringLiteral("0.25"),
             QStringLiteral("--fast")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
        QCOMPARE(server.requests().size(), 4);
        QCOMPARE(server.requests()[0].target.left(25), QByteArray("/audio?sample_rate=22050&"));
        QCOMPARE(server.requests()[0].body.size(), qsizetype(5513 * 2)); // 22050 * 0.25, rounded
    }

    void aFailingPluginFailsTheRun()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(503, "busy"));
        const CliRun run = runCli(simulateAudio(
            server.url("/audio"),
            {QStringLiteral("--audio"), write("f.wav", monoWav(8000, 1)), QStringLiteral("--fast")}));
        QCOMPARE(run.exitCode, 1);
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("more");
        QTest::addColumn<QString>("said");
        const QString stereo = write("stereo.wav", wavFile({1, 2, 44100, 16}, QByteArray(16, 'x')));
        const QString floats = write("float.wav", wavFile({3, 1, 48000, 32}, QByteArray(16, 'x')));
        const QString mono = write("mono.wav", monoWav(8000, 1));
        const QString raw = write("r.pcm", countingSamples(100));
        const QString cut = write("cut.wav", monoWav(8000, 1).left(100));
        QTest::newRow("stereo") << QStringList{QStringLiteral("--audio"), stereo}
                                << QStringLiteral("the file is stereo 44100 Hz 16-bit PCM");
        QTest::newRow("float") << QStringList{QStringLiteral("--audio"), floats}
                               << QStringLiteral("the file is mono 48000 Hz 32-bit float");
        QTest::newRow("cut") << QStringList{QStringLiteral("--audio"), cut}
                             << QStringLiteral("at byte 36: the 'data' chunk says 16000 bytes, "
                                               "but only 56 follow");
        QTest::newRow("rate with a wav")
            << QStringList{QStringLiteral("--audio"), mono, QStringLiteral("--sample-rate"),
                           QStringLiteral("8000")}
            << QStringLiteral("--sample-rate is for raw PCM");
        QTest::newRow("raw without rate") << QStringList{QStringLiteral("--audio"), raw}
                                          << QStringLiteral("give --sample-rate HZ");
        QTest::newRow("no audio") << QStringList{} << QStringLiteral("--audio FILE is required");
        QTest::newRow("2024 contract")
            << QStringList{QStringLiteral("--audio"), mono, QStringLiteral("--contract"),
                           QStringLiteral("plugins-2024")}
            << QStringLiteral("the 2024 app had no audio trigger");
    }

    void refusals()
    {
        QFETCH(QStringList, more);
        QFETCH(QString, said);
        const CliRun run = runCli(simulateAudio(QStringLiteral("http://127.0.0.1:9/audio"), more));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(said), qPrintable(run.errText()));
    }

    void anotherTriggerIsPointedAtItsCommand()
    {
        const CliRun run = runCli({QStringLiteral("simulate"), QStringLiteral("audio"),
                                   QStringLiteral("--manifest"), testData("transcript-app.json"),
                                   QStringLiteral("--audio"), write("x.wav", monoWav(8000, 1))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"use 'plugin-studio simulate transcript'"),
                 qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(CliAudioTest)
#include "tst_cli_audio.moc"
