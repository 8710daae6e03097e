#include "runview/LatencyChart.h"
#include "RealRuns.h"
#include "simulation/report/RunSummary.h"

#include <QLineSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace studio;
using namespace studio::test;

// The latency chart of real runs: a point per answered request in its outcome's series, and
// the percentile lines at the run summary's figures.
class LatencyChartTest : public QObject
{
    Q_OBJECT

private:
    QList<RunRecord> m_records;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        LoopbackServer server;
        m_records = mixedRun(server);
        QCOMPARE(m_records.size(), int(MixedCount));
    }

    void points_onePerAnsweredRequestInItsOutcomesSeries()
    {
        LatencyChart chart;
        chart.appendRecords(m_records, 0);
        QCOMPARE(chart.pointCount(), int(MixedCount)); // the 500 has a latency too
        QCOMPARE(chart.points(RecordOutcome::Notification).size(), 2);
        QCOMPARE(chart.points(RecordOutcome::Dropped).size(), 2);
        QCOMPARE(chart.points(RecordOutcome::Failed).size(), 1);
        QCOMPARE(chart.points(RecordOutcome::Silent).size(), 1);

        // x: the conversation time the request was sent at; y: its latency.
        const QPointF slow = chart.points(RecordOutcome::Notification).at(1);
        QCOMPARE(chart.recordIndexAt(RecordOutcome::Notification, 1), int(SlowMessage));
        QCOMPARE(slow.x(), m_records[SlowMessage].windowEnd);
        QCOMPARE(slow.y(), *m_records[SlowMessage].latencyMs());
        QVERIFY(slow.y() >= 300);
    }

    void hoverAndClick_findThePointsRecord()
    {
        LatencyChart chart;
        chart.resize(800, 300);
        chart.appendRecords(m_records, 0);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QSignalSpy clicked(&chart, &LatencyChart::recordClicked);
        const QPoint slow = chart.viewPositionOf(RecordOutcome::Notification, 1);
        QCOMPARE(chart.recordIndexNear(slow), int(SlowMessage));
        QCOMPARE(chart.recordIndexNear(slow + QPoint(3, -2)), int(SlowMessage));
        QCOMPARE(chart.recordIndexNear(QPoint(2, 2)), -1);
        QTest::mouseClick(chart.viewport(), Qt::LeftButton, {}, slow);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().first().toInt(), int(SlowMessage));
        // The point is painted there, in the outcome's colour.
        const QImage image = chart.viewport()->grab().toImage();
        QCOMPARE(image.pixelColor(slow).rgb(),
                 outcomeColour(RecordOutcome::Notification, isDarkPalette(chart.palette())).rgb());
    }

    void percentileLines_matchTheRunSummary()
    {
        LatencyChart chart;
        chart.setConversationLength(180);
        // In two batches, as a live run delivers them.
        chart.appendRecords(m_records.mid(0, 3), 0);
        chart.appendRecords(m_records.mid(3), 3);
        const RunSummary summary = RunSummary::of(m_records);
        const QList<QPair<int, double>> expected = {
            {50, *summary.p50Ms}, {95, *summary.p95Ms}, {99, *summary.p99Ms}};
        for (const auto &[rank, value] : expected) {
            QLineSeries *line = chart.percentileSeries(rank);
            QVERIFY(line);
            QCOMPARE(line->count(), 2);
            QCOMPARE(line->at(0).y(), value);
            QCOMPARE(line->at(1).y(), value);
            QCOMPARE(line->at(0).x(), 0.0);
            QVERIFY(line->at(1).x() >= 180);
            QVERIFY(line->name().startsWith(QStringLiteral("p%1 ").arg(rank)));
            QCOMPARE(*chart.percentileMs(rank), value);
        }
        // p95 and p99 of six latencies are the slowest one: the 300 ms answer.
        QCOMPARE(*summary.p99Ms, *m_records[SlowMessage].latencyMs());
    }

    void requestsWithoutAnswer_haveNoPoint()
    {
        RunRecord refused;
        {
            HttpClient client;
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            const quint16 port = probe.serverPort();
            probe.close();
            const QList<RunRecord> records = runToEnd(SimulationPlan::forMemory(
                runViewPlugin(AppTrigger::MemoryCreation,
                              QStringLiteral("http://127.0.0.1:%1/hook").arg(port)),
                shortMemory()));
            QCOMPARE(records.size(), 1);
            refused = records.first();
        }
        QVERIFY(!refused.latencyMs());
        LatencyChart chart;
        chart.appendRecords({refused}, 0);
        QCOMPARE(chart.pointCount(), 0);
        QVERIFY(!chart.percentileMs(50));
        QCOMPARE(chart.percentileSeries(50)->count(), 0);
    }

    void clear_emptiesEverySeries()
    {
        LatencyChart chart;
        chart.appendRecords(m_records, 0);
        chart.clear();
        QCOMPARE(chart.pointCount(), 0);
        QCOMPARE(chart.percentileSeries(95)->count(), 0);
    }
};

QTEST_MAIN(LatencyChartTest)
#include "tst_latencychart.moc"
