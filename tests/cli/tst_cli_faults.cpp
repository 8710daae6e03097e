#include "CliReports.h"
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "SimulateCommands.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

namespace {

QStringList fast(const QStringList &more)
{
    return QStringList{QStringLiteral("--speed"), QStringLiteral("200"),
                       QStringLiteral("--no-history")} +
           more;
}

QStringList loadMemory(const QString &url, int users, const QStringList &more)
{
    return QStringList{QStringLiteral("load"),
                       QStringLiteral("--manifest"),
                       testData("memory-manifest.json"),
                       QStringLiteral("--url"),
                       url,
                       QStringLiteral("--memory"),
                       QStringLiteral(STUDIO_SAMPLES_DIR "/memories/ordinary.json"),
                       QStringLiteral("--users"),
                       QString::number(users)} +
           more;
}

} // namespace

// --faults on simulate and load, as CI runs them: the real executable against a real
// loopback server, the faults seen on the server and in the reports.
class CliFaultsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void help_documentsEveryFault()
    {
        const CliRun simulate = runCli({QStringLiteral("simulate"), QStringLiteral("--help")});
        for (const char *fault : {"--faults SPEC", "duplicate:P", "reorder:P", "burst", "gap:P",
                                  "slow-network:MS", "restart", "--seed S"})
            QVERIFY2(simulate.outText().contains(QLatin1String(fault)), fault);
        const CliRun load = runCli({QStringLiteral("load"), QStringLiteral("--help")});
        QVERIFY(load.outText().contains(u"--faults SPEC"));
    }

    void simulateMemory_duplicate_twiceWithOneKeyAndReported()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        QTemporaryDir folder;
        const QString report = folder.filePath(QStringLiteral("run.json"));
        const CliRun run = runCli(simulateMemory(
            server.url("/hook"),
            {QStringLiteral("--faults"), QStringLiteral("duplicate:1"), QStringLiteral("--seed"),
             QStringLiteral("3"), QStringLiteral("--report"), report,
             QStringLiteral("--no-history")}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.errText().contains(u"faults duplicate:1, seed 3"));
        QVERIFY2(run.errText().contains(u"faults (duplicate:1, seed 3): 1 of 2 requests touched"),
                 run.err.constData());
        QVERIFY(run.errText().contains(u"0 of 1 duplicates answered differently"));

        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.requests().at(0).header("X-Omi-Idempotency-Key"),
                 server.requests().at(1).header("X-Omi-Idempotency-Key"));
        const QJsonObject json = readJsonObject(report);
        const QJsonArray requests = json.value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 2);
        const QJsonObject copy = requests.at(1).toObject();
        QCOMPARE(copy.value(QStringLiteral("faults")).toArray().first().toString(),
                 QStringLiteral("duplicate"));
        QCOMPARE(copy.value(QStringLiteral("duplicate_of")).toInt(), 0);
        QCOMPARE(copy.value(QStringLiteral("same_answer_as_original")).toBool(), true);
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("duplicates_compared")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("duplicates_answered_differently")).toInt(), 0);
        const QJsonObject info = json.value(QStringLiteral("run")).toObject();
        QCOMPARE(info.value(QStringLiteral("faults")).toString(), QStringLiteral("duplicate:1"));
        QCOMPARE(info.value(QStringLiteral("fault_seed")).toInt(), 3);
    }

    void simulateTranscript_gap_nothingReachesThePluginAndTheRunPasses()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        QTemporaryDir folder;
        const QString report = folder.filePath(QStringLiteral("run.json"));
        const CliRun run = runCli(simulateTranscript(
            server.url("/hook"), fast({QStringLiteral("--faults"), QStringLiteral("gap:1"),
                                       QStringLiteral("--report"), report})));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(server.requestCount(), 0);
        const QJsonObject json = readJsonObject(report);
        const QJsonArray requests = json.value(QStringLiteral("requests")).toArray();
        QVERIFY(!requests.isEmpty());
        for (const QJsonValue &request : requests) {
            QCOMPARE(request.toObject().value(QStringLiteral("sent")).toBool(), false);
            QVERIFY(request.toObject().value(QStringLiteral("reason")).toString().contains(u"gap"));
        }
        QCOMPARE(json.value(QStringLiteral("summary")).toObject().value(QStringLiteral("lost")).toInt(),
                 requests.size());
    }

    void mistakes_areUsageErrorsSayingWhere_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        const QString url = QStringLiteral("http://127.0.0.1:9/hook");
        QTest::newRow("unknown fault")
            << simulateMemory(url, {QStringLiteral("--faults"), QStringLiteral("duplicate:0.1,dup:0.1")})
            << QStringLiteral("--faults: item 2 'dup:0.1': unknown fault");
        QTest::newRow("burst on a memory")
            << simulateMemory(url, {QStringLiteral("--faults"), QStringLiteral("burst")})
            << QStringLiteral("a memory is one request");
        QTest::newRow("slow network as fast as possible")
            << simulateTranscript(url, {QStringLiteral("--fast"), QStringLiteral("--faults"),
                                        QStringLiteral("slow-network:100")})
            << QStringLiteral("give --speed, not --fast");
        QTest::newRow("seed not a number")
            << simulateMemory(url, {QStringLiteral("--faults"), QStringLiteral("gap:0.5"),
                                    QStringLiteral("--seed"), QStringLiteral("x")})
            << QStringLiteral("--seed must be a whole number");
        QTest::newRow("load") << loadMemory(url, 2, {QStringLiteral("--faults"), QStringLiteral("gap:2")})
                              << QStringLiteral("item 1 'gap:2': needs a probability");
    }

    void mistakes_areUsageErrorsSayingWhere()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(error), run.err.constData());
    }

    void load_faultsPerUser_repeatedBySeed()
    {
        const auto sentPerUser = [](const QString &seed) {
            LoopbackServer server;
            server.setRoute("/hook", Behaviour::json(200, "{}"));
            QTemporaryDir folder;
            const QString report = folder.filePath(QStringLiteral("load.json"));
            const CliRun run = runCli(loadMemory(
                server.url("/hook"), 6,
                {QStringLiteral("--faults"), QStringLiteral("gap:0.5,duplicate:0.5"),
                 QStringLiteral("--seed"), seed, QStringLiteral("--report"), report}));
            std::map<QString, int> sent;
            if (run.exitCode != 0)
                return sent;
            for (const studio::HttpServerRequest &request : server.requests())
                ++sent[request.query().queryItemValue(QStringLiteral("uid"))];
            const QJsonObject summary =
                readJsonObject(report).value(QStringLiteral("summary")).toObject();
            const int lost = summary.value(QStringLiteral("lost")).toInt();
            const int compared = summary.value(QStringLiteral("duplicates_compared")).toInt();
            // Every user's memory is lost, sent once, or sent twice and compared.
            if (lost + int(server.requests().size()) - compared != 6)
                sent.clear();
            return sent;
        };
        const std::map<QString, int> first = sentPerUser(QStringLiteral("12"));
        QVERIFY(!first.empty());
        QCOMPARE(sentPerUser(QStringLiteral("12")), first);
    }
};

QTEST_MAIN(CliFaultsTest)
#include "tst_cli_faults.moc"
