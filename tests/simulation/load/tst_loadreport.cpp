#include "LoadHarness.h"
#include "TestFiles.h"
#include "http/HttpClient.h"
#include "simulation/load/LoadReportWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace studio;
using namespace studio::test;

namespace {

// The run's JSON report, written to a file and read back.
QJsonObject writtenJson(const LoadRun &run)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("load.json"));
    const std::string problem = LoadReportWriter::writeJson(path, run);
    if (!problem.empty())
        QTest::qFail(problem.c_str(), __FILE__, __LINE__);
    return QJsonDocument::fromJson(readFile(path)).object();
}

} // namespace

// The reports of a load run, written to files and read back as their readers read them.
class LoadReportTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void json_hasTheSimulateSummaryAndTheLoadsOwnFigures()
    {
        LoopbackServer server;
        server.setRoute("/hook",
                        LoopbackServer::Behaviour::json(200, R"({"message":"Hello there"})"));
        HttpClient client;
        LoadPlan plan = transcriptLoad(server.url("/hook"), 3, 20);
        plan.rampSeconds = 0.1;
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        const QJsonObject report = writtenJson(run);

        const QJsonObject summary = report.value(QStringLiteral("summary")).toObject();
        for (const char *key : {"count",
                                "errors",
                                "not_sent",
                                "invalid_answers",
                                "notifications",
                                "latency_samples",
                                "min_ms",
                                "p50_ms",
                                "p90_ms",
                                "p95_ms",
                                "p99_ms",
                                "max_ms",
                                "requests_per_second",
                                "late",
                                "late_max_ms",
                                "users",
                                "sent",
                                "wall_s",
                                "error_rate",
                                "errors_by_kind",
                                "left"})
            QVERIFY2(summary.contains(QLatin1String(key)), key);
        QCOMPARE(summary.value(QStringLiteral("count")).toInt(), 9);
        QCOMPARE(summary.value(QStringLiteral("users")).toInt(), 3);
        QVERIFY(summary.value(QStringLiteral("requests_per_second")).toDouble() > 0);
        QCOMPARE(summary.value(QStringLiteral("notifications")).toInt(),
                 run.summary().run.notifications);

        const QJsonArray users = report.value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 3);
        QCOMPARE(users.at(2).toObject().value(QStringLiteral("uid")).toString(), plan.uidOf(2));
        QCOMPARE(users.at(2).toObject().value(QStringLiteral("completed")).toInt(), 3);

        const QJsonArray requests = report.value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 9);
        const QJsonObject first = requests.first().toObject();
        QVERIFY(first.contains(QStringLiteral("late_ms")));
        QVERIFY(first.value(QStringLiteral("user")).toString().startsWith(u"load-11-"));
        QCOMPARE(first.value(QStringLiteral("status")).toInt(), 200);

        const QJsonObject runJson = report.value(QStringLiteral("run")).toObject();
        QCOMPARE(runJson.value(QStringLiteral("users")).toInt(), 3);
        QCOMPARE(runJson.value(QStringLiteral("connections")).toString(), QStringLiteral("new"));
        QCOMPARE(runJson.value(QStringLiteral("seed")).toInt(), 11);
    }

    void json_countsTheAudioChunksEachUserDropped()
    {
        LoopbackServer server;
        HttpClient client;
        // Eight quarter-second chunks a user in real time; the second user's answers take a
        // second, so its buffer drops chunks that fall due meanwhile.
        const LoadPlan plan = audioLoad(server.url("/audio"), 2, 1, 2, 0.25);
        const QString slowUid = plan.uidOf(1);
        answerOneUserSlowly(server, "/audio", slowUid, 1000);
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        const QJsonObject report = writtenJson(run);
        const QJsonObject summary = report.value(QStringLiteral("summary")).toObject();
        const qint64 dropped = run.summary().dropped;
        QVERIFY(dropped > 0);
        QCOMPARE(summary.value(QStringLiteral("dropped")).toInteger(), dropped);
        QCOMPARE(summary.value(QStringLiteral("not_sent")).toInteger(), dropped);
        QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("error_rate")).toDouble(), 0.0);
        const QJsonArray users = report.value(QStringLiteral("users")).toArray();
        QCOMPARE(users.at(0).toObject().value(QStringLiteral("dropped")).toInteger(), 0);
        QCOMPARE(users.at(1).toObject().value(QStringLiteral("dropped")).toInteger(), dropped);
        QCOMPARE(report.value(QStringLiteral("run"))
                     .toObject()
                     .value(QStringLiteral("batching"))
                     .toString(),
                 QStringLiteral("0.25 s chunks at 4000 Hz"));

        int droppedRequests = 0;
        for (const QJsonValue &value : report.value(QStringLiteral("requests")).toArray()) {
            const QJsonObject request = value.toObject();
            QVERIFY(request.contains(QStringLiteral("waited_ms")));
            if (request.value(QStringLiteral("sent")).toBool(true))
                continue;
            ++droppedRequests;
            QCOMPARE(request.value(QStringLiteral("user")).toString(), slowUid);
        }
        QCOMPARE(qint64(droppedRequests), dropped);
    }

    void junit_failsTheUsersWhoseRequestsFailed()
    {
        LoopbackServer server;
        server.setRoute("/hook", [](const HttpServerRequest &request) {
            const bool second =
                request.query().queryItemValue(QStringLiteral("uid")).endsWith(u"-2");
            return second ? HttpAnswer::text(500, "no") : HttpAnswer::json(200, "{}");
        });
        HttpClient client;
        LoadRun run(memoryLoad(server.url("/hook"), 3), &client);
        QVERIFY(runToEnd(run));
        const LoadAcceptance acceptance = LoadAcceptance::evaluate(run.summary(), {});
        QVERIFY(!acceptance.passed);

        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("load.xml"));
        QCOMPARE(LoadReportWriter::writeJUnit(path, run, acceptance), std::string());
        QXmlStreamReader xml(readFile(path));
        QStringList failedCases;
        QString testcase;
        int testcases = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"testcase") {
                ++testcases;
                testcase = xml.attributes().value(QLatin1String("name")).toString();
            } else if (xml.name() == u"failure") {
                failedCases.append(testcase);
            }
        }
        QVERIFY(!xml.hasError());
        QCOMPARE(testcases, 4);
        QCOMPARE(failedCases, (QStringList{QStringLiteral("load-5-2"), QStringLiteral("limits")}));
    }
};

QTEST_MAIN(LoadReportTest)
#include "tst_loadreport.moc"
