#include "RunRecords.h"
#include "TestFiles.h"
#include "simulation/report/JsonReportWriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

class JsonReportWriterTest : public QObject
{
    Q_OBJECT

private slots:
    void build_hasEveryRequestField()
    {
        const Json report = JsonReportWriter::build(threeRecords(), runInfo());
        QCOMPARE(report["requests"].size(), std::size_t(3));
        for (const char *field :
             {"index",         "label",        "window_start",  "window_end",
              "segments",      "scheduled_ms", "sent_ms",       "scheduling_error_ms",
              "payload_bytes", "url",          "status",        "latency_ms",
              "timings",       "error",        "sent",          "verdict",
              "reason",        "notification", "notifications", "chat_message",
              "notes",         "proactive"}) {
            for (const Json &request : report["requests"])
                QVERIFY2(request.contains(field), field);
        }
        const Json &shown = report["requests"][0];
        QCOMPARE(shown["status"].get<int>(), 200);
        QCOMPARE(shown["latency_ms"].get<double>(), 13.0);
        QCOMPARE(shown["window_end"].get<double>(), 30.0);
        QCOMPARE(shown["scheduled_ms"].get<int>(), 0);
        QCOMPARE(shown["sent_ms"].get<int>(), 2);
        QCOMPARE(shown["timings"]["first_byte_ms"].get<double>(), 12.5);
        QVERIFY(shown["error"].is_null());
        QCOMPARE(shown["verdict"].get<std::string>(), std::string("notification"));
        QCOMPARE(shown["notification"]["title"].get<std::string>(),
                 std::string("Focus Guardian says"));
        QCOMPARE(shown["notification"]["body"].get<std::string>(), std::string("Stay on topic!"));
        QCOMPARE(shown["chat_message"].get<std::string>(), std::string("Stay on topic!"));

        const Json &refused = report["requests"][1];
        QVERIFY(refused["status"].is_null());
        QVERIFY(refused["latency_ms"].is_null());
        QCOMPARE(refused["error"]["code"].get<std::string>(), std::string("connection-refused"));
        QCOMPARE(refused["verdict"].get<std::string>(), std::string("ignored"));
        QVERIFY(refused["notification"].is_null());
        QCOMPARE(report["requests"][2]["notes"][0].get<std::string>(), std::string("a note"));
    }

    void build_notSent_isARequestWithItsReason()
    {
        const Json report = JsonReportWriter::build(fourWithOneNotSent(), runInfo());
        QCOMPARE(report["requests"].size(), std::size_t(4));
        QVERIFY(report["requests"][0]["sent"] == true);
        const Json &held = report["requests"][3];
        QVERIFY(held["sent"] == false);
        QCOMPARE(held["verdict"].get<std::string>(), std::string("not sent"));
        QCOMPARE(held["reason"].get<std::string>(),
                 std::string("circuit open until 35 s (5 failures in a row, the last at 5 s)"));
        QVERIFY(held["status"].is_null());
        QVERIFY(held["latency_ms"].is_null());
        QVERIFY(held["error"].is_null());
        QCOMPARE(held["url"].get<std::string>(), std::string("http://127.0.0.1:8000/hook?uid=u1"));
        QCOMPARE(report["summary"]["not_sent"].get<int>(), 1);
        QCOMPARE(report["summary"]["errors"].get<int>(), 1);
        QCOMPARE(report["summary"]["count"].get<int>(), 4);
    }

    void build_hasTheSummaryAndRun()
    {
        const Json report = JsonReportWriter::build(threeRecords(), runInfo());
        const Json &summary = report["summary"];
        for (const char *field :
             {"count", "errors", "not_sent", "invalid_answers", "notifications", "latency_samples",
              "min_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_ms"})
            QVERIFY2(summary.contains(field), field);
        QCOMPARE(summary["count"].get<int>(), 3);
        QCOMPARE(summary["errors"].get<int>(), 1);
        QCOMPARE(summary["invalid_answers"].get<int>(), 1);
        QCOMPARE(summary["p50_ms"].get<double>(), 13.0);
        QCOMPARE(report["run"]["plugin_id"].get<std::string>(), std::string("focus-guardian"));
        QCOMPARE(report["run"]["started_at"].get<std::string>(),
                 std::string("2024-09-01T18:00:00.000+02:00"));
        QCOMPARE(report["run"]["speed"].get<double>(), 10.0);
    }

    void build_reportsProactiveRequests()
    {
        QList<RunRecord> records = {threeRecords()[0]};
        ProactiveOutcome outcome;
        outcome.prompt = QStringLiteral("Hi {{user_name}}");
        outcome.requestedParams = {QStringLiteral("user_name")};
        outcome.filledParams = outcome.requestedParams;
        outcome.modelInput = QStringLiteral("Hi Maya");
        outcome.context = Json::object();
        records[0].verdict.proactive = outcome;
        const Json proactive =
            JsonReportWriter::build(records, runInfo())["requests"][0]["proactive"];
        QCOMPARE(proactive["model_input"].get<std::string>(), std::string("Hi Maya"));
        QCOMPARE(proactive["filled"][0].get<std::string>(), std::string("user_name"));
    }

    void nullLatenciesWithoutAnswers()
    {
        const Json summary = JsonReportWriter::summaryJson(RunSummary::of({threeRecords()[1]}));
        QVERIFY(summary["p50_ms"].is_null());
        QVERIFY(summary["max_ms"].is_null());
    }

    void write_producesParsableJson()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.json"));
        QCOMPARE(JsonReportWriter::write(path, threeRecords(), runInfo()), std::string());
        const Json parsed = Json::parse(readFile(path).toStdString());
        QCOMPARE(parsed["summary"]["count"].get<int>(), 3);
    }
};

QTEST_GUILESS_MAIN(JsonReportWriterTest)
#include "tst_jsonreportwriter.moc"
