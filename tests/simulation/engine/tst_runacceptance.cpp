#include "simulation/engine/RunAcceptance.h"

#include <QTest>

using namespace studio;

namespace {

RunRecord answered(int status, ResponseVerdict::Kind kind, double latencyMs)
{
    RunRecord record;
    record.result.status = status;
    record.result.timings.totalMs = latencyMs;
    record.verdict.kind = kind;
    return record;
}

RunRecord unanswered(HttpError error)
{
    RunRecord record;
    record.result.error = error;
    record.result.errorMessage = QStringLiteral("no answer");
    return record;
}

} // namespace

class RunAcceptanceTest : public QObject
{
    Q_OBJECT

private slots:
    void everyUsableAnswer_passes()
    {
        const QList<RunRecord> records{answered(200, ResponseVerdict::Kind::Notification, 10),
                                       answered(200, ResponseVerdict::Kind::Silent, 12),
                                       answered(200, ResponseVerdict::Kind::Dropped, 14)};
        const RunAcceptance acceptance = RunAcceptance::evaluate(records);
        QVERIFY(acceptance.passed);
        QVERIFY(acceptance.failures.isEmpty());
    }

    void nothingSent_passes() { QVERIFY(RunAcceptance::evaluate({}).passed); }

    void failedRequestsAndInvalidAnswers_fail()
    {
        const QList<RunRecord> records{answered(200, ResponseVerdict::Kind::Silent, 10),
                                       answered(500, ResponseVerdict::Kind::Ignored, 10),
                                       unanswered(HttpError::ConnectionRefused),
                                       answered(200, ResponseVerdict::Kind::Ignored, 10)};
        const RunAcceptance acceptance = RunAcceptance::evaluate(records);
        QVERIFY(!acceptance.passed);
        QCOMPARE(acceptance.failedRequests, 2);
        QCOMPARE(acceptance.invalidAnswers, 1);
        QCOMPARE(acceptance.failures.size(), 2);
        QVERIFY(acceptance.failures.at(0).startsWith(u"2 requests of 4 failed"));
        QVERIFY(acceptance.failures.at(1).startsWith(u"1 request of 4 answered 200"));
    }

    void maxP95_failsOnlyAboveTheLimit_data()
    {
        QTest::addColumn<double>("limit");
        QTest::addColumn<bool>("passed");
        QTest::newRow("above") << 50.0 << false;
        QTest::newRow("equal") << 100.0 << true;
        QTest::newRow("below") << 150.0 << true;
    }

    void maxP95_failsOnlyAboveTheLimit()
    {
        QFETCH(double, limit);
        QFETCH(bool, passed);
        QList<RunRecord> records;
        for (int i = 1; i <= 20; ++i)
            records.append(answered(200, ResponseVerdict::Kind::Silent, i * 5.0));
        // Nearest rank: p95 of 5, 10, ... 100 is the 19th value, 95.
        RunThresholds thresholds;
        thresholds.maxP95Ms = limit;
        const RunAcceptance acceptance = RunAcceptance::evaluate(records, thresholds);
        QCOMPARE(acceptance.passed, passed);
        if (!passed)
            QCOMPARE(acceptance.failures.first(),
                     QStringLiteral("latency p95 95.0 ms exceeds the limit of 50 ms"));
    }

    void setupCheck_failsWithTheAppsRefusal()
    {
        const RunRecord record = answered(200, ResponseVerdict::Kind::Ignored, 3);
        const SetupVerdict refused{false, QStringLiteral("Plugin setup is not completed: no")};
        const RunAcceptance acceptance = RunAcceptance::evaluateSetupCheck(record, refused);
        QVERIFY(!acceptance.passed);
        QCOMPARE(acceptance.failures, QStringList{refused.reason});

        const SetupVerdict ready{true, QStringLiteral("setup completed")};
        QVERIFY(RunAcceptance::evaluateSetupCheck(answered(200, ResponseVerdict::Kind::Silent, 3),
                                                  ready)
                    .passed);
    }
};

QTEST_GUILESS_MAIN(RunAcceptanceTest)
#include "tst_runacceptance.moc"
