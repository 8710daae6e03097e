#include "RunHarness.h"
#include "http/HttpClient.h"

#include <QStandardPaths>

#include <cmath>

using namespace studio;
using namespace studio::test;

namespace {

// Ends chosen to hit the edges: exactly on a boundary, just after one, long silences.
QList<TranscriptSegment> conversation()
{
    return segmentsEndingAt(
        {0.4, 5, 12, 29.9, 30.0, 30.001, 45, 59.5, 61, 95, 96, 150, 151.25, 299.9});
}

} // namespace

// Windowing as the plugin sees it: every segment arrives exactly once, in order, in the call
// for the window in which it ends; checked on the server's recorded bodies.
class SimulationWindowingTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everySegment_arrivesOnceInOrderInItsWindow_data()
    {
        QTest::addColumn<QString>("window");
        QTest::newRow("30 s, the app's") << QStringLiteral("30");
        QTest::newRow("1 s, later backends") << QStringLiteral("1");
        QTest::newRow("10 s") << QStringLiteral("10");
        QTest::newRow("2.5 s") << QStringLiteral("2.5");
        QTest::newRow("one call per segment") << QStringLiteral("segment");
    }

    void everySegment_arrivesOnceInOrderInItsWindow()
    {
        QFETCH(QString, window);
        const BatchingOptions batching = BatchingOptions::parse(window).value();
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        const QList<TranscriptSegment> segments = conversation();
        SimulationRun run(SimulationPlan::forTranscript(
                              testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
                              segments, batching, ReplaySpeed::fast()),
                          &client);
        QVERIFY(runToEnd(run));

        const QList<QJsonObject> bodies = receivedBodies(server);
        QCOMPARE(bodies.size(), run.requestCount());
        QCOMPARE(run.records().size(), bodies.size());
        QStringList received;
        for (int call = 0; call < bodies.size(); ++call) {
            const QJsonArray callSegments =
                bodies[call].value(QStringLiteral("segments")).toArray();
            QVERIFY2(!callSegments.isEmpty(), "an empty window makes no call");
            const RunRecord &record = run.records().at(call);
            QCOMPARE(record.index, call);
            QCOMPARE(record.segmentCount, int(callSegments.size()));
            for (const QJsonValue &value : callSegments) {
                const QJsonObject segment = value.toObject();
                const double end = segment.value(QStringLiteral("end")).toDouble();
                received << segment.value(QStringLiteral("text")).toString();
                if (batching.mode == BatchingOptions::Mode::PerSegment) {
                    QCOMPARE(callSegments.size(), 1);
                    QCOMPARE(record.windowEnd, end);
                    continue;
                }
                // The window (k*W, (k+1)*W] in which the segment ends; [0, W] for the first.
                QVERIFY2(end <= record.windowEnd + 1e-9 &&
                             (end > record.windowStart || record.windowStart == 0.0),
                         qPrintable(QStringLiteral("segment ending at %1 in window %2")
                                        .arg(end)
                                        .arg(record.label)));
                QCOMPARE(record.windowEnd - record.windowStart, batching.windowSeconds);
            }
        }
        QStringList expected;
        for (const TranscriptSegment &segment : segments)
            expected << segment.text;
        QCOMPARE(received, expected);
    }

    void windowBoundaries_followTheApp()
    {
        // 30.0 closes the first window; 30.001 waits for the second.
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(SimulationPlan::forTranscript(
                              testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
                              segmentsEndingAt({29.9, 30.0, 30.001}), {}, ReplaySpeed::fast()),
                          &client);
        QVERIFY(runToEnd(run));
        const QList<QJsonObject> bodies = receivedBodies(server);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(segmentTexts(bodies[0]),
                 (QStringList{QStringLiteral("segment 0"), QStringLiteral("segment 1")}));
        QCOMPARE(segmentTexts(bodies[1]), QStringList{QStringLiteral("segment 2")});
        QCOMPARE(run.records().at(1).label, QStringLiteral("window 30-60 s"));
    }

    void silentWindows_makeNoCall()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        // Two segments two hours apart: two calls, not 240.
        SimulationRun run(SimulationPlan::forTranscript(
                              testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
                              segmentsEndingAt({10, 7210}), {}, ReplaySpeed::fast()),
                          &client);
        QVERIFY(runToEnd(run));
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(run.records().at(1).windowStart, 7200.0);
    }
};

QTEST_GUILESS_MAIN(SimulationWindowingTest)
#include "tst_simulationwindowing.moc"
