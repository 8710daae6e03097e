#include "RunRecords.h"
#include "simulation/report/RunSummary.h"

#include <QTest>

using namespace studio;
using namespace studio::test;

class RunSummaryTest : public QObject
{
    Q_OBJECT

private slots:
    void percentile_usesNearestRank_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");

        const QList<double> four = {10, 20, 30, 40};
        QList<double> hundred;
        for (int i = 1; i <= 100; ++i)
            hundred.append(i);
        QTest::newRow("p50 of four") << four << 50.0 << 20.0;
        QTest::newRow("p51 of four") << four << 51.0 << 30.0;
        QTest::newRow("p90 of four") << four << 90.0 << 40.0;
        QTest::newRow("p25 of four") << four << 25.0 << 10.0;
        QTest::newRow("p0 is the minimum") << four << 0.0 << 10.0;
        QTest::newRow("p100 is the maximum") << four << 100.0 << 40.0;
        QTest::newRow("p50 of 1..100") << hundred << 50.0 << 50.0;
        QTest::newRow("p95 of 1..100") << hundred << 95.0 << 95.0;
        QTest::newRow("p99 of 1..100") << hundred << 99.0 << 99.0;
        QTest::newRow("p99.5 of 1..100") << hundred << 99.5 << 100.0;
        QTest::newRow("single value") << QList<double>{7} << 99.0 << 7.0;
    }

    void percentile_usesNearestRank()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, p);
        QFETCH(double, expected);
        QCOMPARE(RunSummary::percentile(values, p), expected);
    }

    void of_countsRequestsErrorsAndNotifications()
    {
        QList<RunRecord> records = threeRecords();
        records[0].result.timings.totalMs = 40;
        records[2].result.timings.totalMs = 10;
        RunRecord slow = record(3, answered(500, "boom"), ResponseVerdict::Kind::Ignored,
                                QStringLiteral("status 500"));
        slow.result.timings.totalMs = 25;
        records.append(slow);

        const RunSummary summary = RunSummary::of(records);
        QCOMPARE(summary.count, 4);
        QCOMPARE(summary.errors, 2);         // refused + status 500
        QCOMPARE(summary.invalidAnswers, 1); // the 200 with HTML
        QCOMPARE(summary.notifications, 1);
        QCOMPARE(summary.latencySamples, 3); // the refused request has no latency
        QCOMPARE(summary.minMs, std::optional<double>(10));
        QCOMPARE(summary.p50Ms, std::optional<double>(25));
        QCOMPARE(summary.p90Ms, std::optional<double>(40));
        QCOMPARE(summary.p99Ms, std::optional<double>(40));
        QCOMPARE(summary.maxMs, std::optional<double>(40));
    }

    void of_withoutAnswersHasNoLatencies()
    {
        const RunSummary empty = RunSummary::of({});
        QCOMPARE(empty.count, 0);
        QVERIFY(!empty.p50Ms);
        const RunSummary refused = RunSummary::of({threeRecords()[1]});
        QCOMPARE(refused.errors, 1);
        QVERIFY(!refused.minMs);
        QVERIFY(!refused.maxMs);
    }

    void of_countsNotSentApart()
    {
        const RunSummary summary = RunSummary::of(fourWithOneNotSent());
        QCOMPARE(summary.count, 4);
        QCOMPARE(summary.notSent, 1);
        QCOMPARE(summary.errors, 1);         // the refused one only
        QCOMPARE(summary.invalidAnswers, 1); // the HTML one only
        QCOMPARE(summary.latencySamples, 2);
        const RunRecord held = notSent(0);
        QVERIFY(!held.sent());
        QVERIFY(!held.requestFailed());
        QVERIFY(!held.answerInvalid());
        QVERIFY(!held.latencyMs());
        QCOMPARE(held.outcomeReason(), held.notSentReason);
        QCOMPARE(threeRecords()[0].outcomeReason(), QStringLiteral("the app notifies"));
    }

    void record_derivedValues()
    {
        const QList<RunRecord> records = threeRecords();
        QCOMPARE(records[1].schedulingErrorMs(), 2);
        QVERIFY(records[1].requestFailed());
        QVERIFY(!records[1].answerInvalid());
        QVERIFY(records[2].answerInvalid());
        QCOMPARE(records[1].errorCode(), QStringLiteral("connection-refused"));
        QVERIFY(records[0].errorCode().isEmpty());
        QCOMPARE(records[0].latencyMs(), std::optional<double>(13.0));
        QVERIFY(!records[1].latencyMs());
    }
};

QTEST_GUILESS_MAIN(RunSummaryTest)
#include "tst_runsummary.moc"
