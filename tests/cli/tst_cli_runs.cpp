#include "CliRunner.h"
#include "LoopbackServer.h"
#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

namespace {

QString simrunData(const char *name)
{
    return QStringLiteral(STUDIO_TEST_DATA_DIR "/") + QString::fromLatin1(name);
}

QStringList simulateMemory(const QString &url, const QStringList &more = {})
{
    return QStringList{QStringLiteral("simulate"),   QStringLiteral("memory"),
                       QStringLiteral("--manifest"), simrunData("memory-manifest.json"),
                       QStringLiteral("--url"),      url} +
           more;
}

QStringList runs(const QStringList &arguments)
{
    return QStringList{QStringLiteral("runs")} + arguments;
}

QJsonObject jsonObject(const QByteArray &bytes)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s\n%s", qPrintable(error.errorString()), bytes.constData());
    return document.object();
}

QJsonArray listedRuns(const QStringList &more = {})
{
    const CliRun list = runCli(runs(
        QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")} +
        more));
    if (list.exitCode != 0)
        qWarning("runs list: %s", list.err.constData());
    return jsonObject(list.out).value(QStringLiteral("runs")).toArray();
}

int warningLines(const QString &text)
{
    return int(text.split(u'\n').filter(QStringLiteral("plugin-studio: warning:")).size());
}

} // namespace

// `plugin-studio runs` and the history kept by simulate and check-setup, as a user or a CI
// script runs them: the real executable, a real server, a history in a folder of the test's.
class CliRunsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("PLUGIN_STUDIO_DATA_DIR", m_data->path().toUtf8());
    }

    void help_documentsTheCommands()
    {
        const CliRun overview = runCli({QStringLiteral("--help")});
        QVERIFY(overview.outText().contains(u"runs"));
        for (const QStringList &arguments :
             {runs({QStringLiteral("--help")}),
              runs({QStringLiteral("rerun"), QStringLiteral("--help")})}) {
            const CliRun help = runCli(arguments);
            QCOMPARE(help.exitCode, 0);
            for (const char *text :
                 {"runs list [--plugin ID] [--format text|json]", "runs show RUN",
                  "runs export RUN", "runs rerun RUN [--url URL]", "runs delete RUN",
                  "PLUGIN_STUDIO_DATA_DIR", "Exit status"})
                QVERIFY2(help.outText().contains(QLatin1String(text)), text);
        }
        const CliRun simulateHelp = runCli(
            {QStringLiteral("simulate"), QStringLiteral("memory"), QStringLiteral("--help")});
        QVERIFY(simulateHelp.outText().contains(u"--no-history"));
    }

    void memory_keptListedShownExportedRerunDeleted()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, R"({"message": "Filed your meeting"})"));
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("run.json"));
        const CliRun simulate =
            runCli(simulateMemory(server.url("/hook"), {QStringLiteral("--report"), report}));
        QCOMPARE(simulate.exitCode, 0);
        QVERIFY2(simulate.errText().contains(u"kept in the history as run 1"),
                 qPrintable(simulate.errText()));

        const QJsonArray listed = listedRuns();
        QCOMPARE(listed.size(), 1);
        const QJsonObject run = listed.first().toObject();
        QCOMPARE(run.value(QStringLiteral("id")).toInteger(), 1);
        QCOMPARE(run.value(QStringLiteral("plugin")).toString(), QStringLiteral("memory-filer"));
        QCOMPARE(run.value(QStringLiteral("kind")).toString(), QStringLiteral("memory"));
        QCOMPARE(run.value(QStringLiteral("url")).toString(), server.url("/hook"));
        QVERIFY(QDateTime::fromString(run.value(QStringLiteral("started")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        const QJsonObject summary = run.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("notifications")).toInt(), 1);
        QVERIFY(summary.value(QStringLiteral("p95_ms")).toDouble() > 0);

        const CliRun text = runCli(runs({QStringLiteral("list")}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.outText().contains(u"memory-filer"), text.out.constData());
        QVERIFY(text.outText().contains(u"1 request, 0 errors, 1 notification"));

        // The JSON report of the run, byte for byte what --report wrote.
        const CliRun showJson = runCli(runs({QStringLiteral("show"), QStringLiteral("1"),
                                             QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(showJson.exitCode, 0);
        QCOMPARE(showJson.out, readFile(report));
        const CliRun showText = runCli(runs({QStringLiteral("show"), QStringLiteral("last")}));
        QCOMPARE(showText.exitCode, 0);
        QVERIFY2(showText.outText().contains(u"[1/1] memory (6 segments): 200, "),
                 showText.out.constData());
        QVERIFY(showText.outText().contains(u"notification \"Filed your meeting\""));
        QVERIFY(showText.outText().contains(QStringLiteral("POST ") +
                                            server.url("/hook?uid=plugin-studio-test-uid")));
        QVERIFY(showText.outText().contains(u"summary: 1 request, 0 errors"));

        const QString har = out.filePath(QStringLiteral("again.har"));
        const QString again = out.filePath(QStringLiteral("again.json"));
        const QString junit = out.filePath(QStringLiteral("again.xml"));
        const CliRun exported = runCli(
            runs({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--har"), har,
                  QStringLiteral("--report"), again, QStringLiteral("--junit"), junit}));
        QCOMPARE(exported.exitCode, 0);
        QCOMPARE(readFile(again), readFile(report));
        const QJsonArray entries = jsonObject(readFile(har))
                                       .value(QStringLiteral("log"))
                                       .toObject()
                                       .value(QStringLiteral("entries"))
                                       .toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first()
                     .toObject()
                     .value(QStringLiteral("request"))
                     .toObject()
                     .value(QStringLiteral("postData"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString()
                     .toUtf8(),
                 server.requests().first().body);
        QXmlStreamReader xml(readFile(junit));
        int testcases = 0;
        while (!xml.atEnd())
            testcases +=
                xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"testcase";
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(testcases, 1);

        // Rerun: the same bytes to the same URL, then to another server with --url.
        const CliRun rerun = runCli(runs({QStringLiteral("rerun"), QStringLiteral("1")}));
        QCOMPARE(rerun.exitCode, 0);
        QVERIFY2(rerun.errText().contains(u"rerun of run 1"), rerun.err.constData());
        QVERIFY(rerun.errText().contains(u"kept in the history as run 2"));
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.requests().at(1).body, server.requests().at(0).body);
        QCOMPARE(server.requests().at(1).target, server.requests().at(0).target);

        LoopbackServer other;
        other.setRoute("/elsewhere", Behaviour::json(200, "{}"));
        const CliRun moved = runCli(runs({QStringLiteral("rerun"), QStringLiteral("1"),
                                          QStringLiteral("--url"), other.url("/elsewhere")}));
        QCOMPARE(moved.exitCode, 0);
        QCOMPARE(other.requestCount(), 1);
        QCOMPARE(other.requests().first().body, server.requests().first().body);
        QCOMPARE(other.requests().first().target,
                 QByteArray("/elsewhere?uid=plugin-studio-test-uid"));

        QList<qint64> ids;
        for (const QJsonValue &listedRun : listedRuns())
            ids.append(listedRun.toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(ids, (QList<qint64>{3, 2, 1}));
        QCOMPARE(listedRuns().first().toObject().value(QStringLiteral("url")).toString(),
                 other.url("/elsewhere"));

        const CliRun removed = runCli(runs({QStringLiteral("delete"), QStringLiteral("1")}));
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(listedRuns().size(), 2);
        const CliRun gone = runCli(runs({QStringLiteral("show"), QStringLiteral("1")}));
        QCOMPARE(gone.exitCode, 2);
        QVERIFY2(gone.errText().contains(u"no run 1"), gone.err.constData());
        QCOMPARE(runCli(runs({QStringLiteral("delete"), QStringLiteral("1")})).exitCode, 2);
        QCOMPARE(runCli(runs({QStringLiteral("rerun"), QStringLiteral("1")})).exitCode, 2);
        QCOMPARE(runCli(runs({QStringLiteral("show"), QStringLiteral("first")})).exitCode, 2);
        QCOMPARE(runCli(runs({QStringLiteral("export"), QStringLiteral("2")})).exitCode, 2);
    }

    void transcript_rerunSendsTheSameBatches_andFailsAsTheRunDid()
    {
        LoopbackServer server;
        server.setRoute("/segments",
                        Behaviour::json(200, R"({"message": "Noted: release notes"})"));
        const CliRun simulate = runCli(
            {QStringLiteral("simulate"), QStringLiteral("transcript"), QStringLiteral("--manifest"),
             simrunData("transcript-manifest.json"), QStringLiteral("--url"),
             server.url("/segments"), QStringLiteral("--transcript"),
             simrunData("conversation.json"), QStringLiteral("--fast"),
             QStringLiteral("--session-id"), QStringLiteral("talk-1")});
        QCOMPARE(simulate.exitCode, 0);
        QCOMPARE(server.requestCount(), 3);
        const QJsonObject listed = listedRuns().first().toObject();
        QCOMPARE(listed.value(QStringLiteral("kind")).toString(), QStringLiteral("transcript"));
        QCOMPARE(listed.value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("count"))
                     .toInt(),
                 3);

        const CliRun rerun = runCli(runs({QStringLiteral("rerun"), QStringLiteral("last")}));
        QCOMPARE(rerun.exitCode, 0);
        QCOMPARE(server.requestCount(), 6);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(server.requests().at(3 + i).body, server.requests().at(i).body);

        // A plugin that now fails: the rerun exits as simulate would, and is kept too.
        server.setRoute("/segments", Behaviour::text(500, "boom"));
        const CliRun failing = runCli(runs({QStringLiteral("rerun"), QStringLiteral("1")}));
        QCOMPARE(failing.exitCode, 1);
        QVERIFY(failing.errText().contains(u"FAILED"));
        QCOMPARE(listedRuns().size(), 3);
        QCOMPARE(listedRuns({QStringLiteral("--plugin"), QStringLiteral("memory-filer")}).size(),
                 0);
    }

    void checkSetup_isKeptAndRerun()
    {
        LoopbackServer server;
        server.setRoute("/setup", Behaviour::json(200, R"({"is_setup_completed": true})"));
        const CliRun check = runCli({QStringLiteral("check-setup"), QStringLiteral("--manifest"),
                                     simrunData("memory-manifest.json"), QStringLiteral("--url"),
                                     server.url("/setup")});
        QCOMPARE(check.exitCode, 0);
        const QJsonObject listed = listedRuns().first().toObject();
        QCOMPARE(listed.value(QStringLiteral("kind")).toString(), QStringLiteral("setup"));
        QCOMPARE(listed.value(QStringLiteral("url")).toString(), server.url("/setup"));

        const CliRun shown = runCli(runs({QStringLiteral("show"), QStringLiteral("1")}));
        QVERIFY2(shown.outText().contains(u"[1/1] setup check: 200"), shown.out.constData());
        QVERIFY(shown.outText().contains(QStringLiteral("GET ") +
                                         server.url("/setup?uid=plugin-studio-test-uid")));

        server.setRoute("/setup", Behaviour::json(200, R"({"is_setup_completed": false})"));
        const CliRun rerun = runCli(runs({QStringLiteral("rerun"), QStringLiteral("1")}));
        QCOMPARE(rerun.exitCode, 1);
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.requests().at(1).target, server.requests().at(0).target);
        QCOMPARE(listedRuns().size(), 2);
    }

    void noHistory_keepsTheRunOut()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const CliRun simulate =
            runCli(simulateMemory(server.url("/hook"), {QStringLiteral("--no-history")}));
        QCOMPARE(simulate.exitCode, 0);
        QVERIFY2(!simulate.errText().contains(u"in the history"), simulate.err.constData());
        QCOMPARE(warningLines(simulate.errText()), 0);
        QVERIFY(listedRuns().isEmpty());
        QVERIFY(!QFileInfo::exists(m_data->filePath(QStringLiteral("history.sqlite"))));
        const CliRun text = runCli(runs({QStringLiteral("list")}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.outText().startsWith(u"no runs in the history"));
    }

    void corruptHistory_theRunGoesOnWithOneWarning()
    {
        const QString database = m_data->filePath(QStringLiteral("history.sqlite"));
        writeFile(database, QByteArray(8192, '\x5a'));
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, R"({"message": "Filed your meeting"})"));
        const CliRun simulate = runCli(simulateMemory(server.url("/hook")));
        QCOMPARE(simulate.exitCode, 0);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(warningLines(simulate.errText()), 1);
        QVERIFY2(simulate.errText().contains(u"the run is not kept in the history") &&
                     simulate.errText().contains(database),
                 simulate.err.constData());
        QVERIFY(simulate.errText().contains(u"summary: 1 request, 0 errors"));

        server.setRoute("/hook", Behaviour::text(500, "boom"));
        const CliRun failing =
            runCli(simulateMemory(server.url("/hook"), {QStringLiteral("--quiet")}));
        QCOMPARE(failing.exitCode, 1);
        QCOMPARE(warningLines(failing.errText()), 1);

        const CliRun list = runCli(runs({QStringLiteral("list")}));
        QCOMPARE(list.exitCode, 2);
        QVERIFY2(list.errText().contains(database), list.err.constData());
        QCOMPARE(readFile(database), QByteArray(8192, '\x5a'));
    }

    void limits_areShownSetAndApplied()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const CliRun shown = runCli(runs({QStringLiteral("limits")}));
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.outText().contains(u"max runs: 500"), shown.out.constData());
        QVERIFY(shown.outText().contains(u"max MB: 200"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(runCli(simulateMemory(server.url("/hook"))).exitCode, 0);
        const CliRun set = runCli(
            runs({QStringLiteral("limits"), QStringLiteral("--max-runs"), QStringLiteral("2")}));
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.outText().contains(u"max runs: 2"));
        QCOMPARE(listedRuns().size(), 2);
        QCOMPARE(runCli(simulateMemory(server.url("/hook"))).exitCode, 0);
        QList<qint64> ids;
        for (const QJsonValue &listedRun : listedRuns())
            ids.append(listedRun.toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(ids, (QList<qint64>{4, 3}));
    }

private:
    std::unique_ptr<QTemporaryDir> m_data;
};

QTEST_GUILESS_MAIN(CliRunsTest)
#include "tst_cli_runs.moc"
