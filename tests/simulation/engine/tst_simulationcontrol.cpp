#include "RunHarness.h"
#include "http/HttpClient.h"

#include <QStandardPaths>

using namespace studio;
using namespace studio::test;

namespace {

// Four 10 s windows with a segment each; the batches are due at 10, 20, 30 and 40 s.
QList<TranscriptSegment> fourWindows()
{
    return segmentsEndingAt({5, 15, 25, 35});
}

SimulationPlan planAt(const LoopbackServer &server, const ReplaySpeed &speed,
                      const QList<TranscriptSegment> &segments = fourWindows())
{
    return SimulationPlan::forTranscript(
        testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")), segments,
        BatchingOptions::window(10), speed);
}

// How long to watch for something that must not happen. A positive result would show up
// as a signal; its absence cannot be proven any other way.
constexpr int kQuietPeriodMs = 300;

} // namespace

// Pause, resume, step, seek and stop, as the studio's replay controls use them.
class SimulationControlTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pause_stopsTheClockAndResumeGoesOn()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        // 25x: a batch every 400 ms, so the pause comes between two of them even on a busy
        // machine.
        SimulationRun run(planAt(server, ReplaySpeed::times(25)), &client);
        QSignalSpy sent(&run, &SimulationRun::batchSent);
        QSignalSpy states(&run, &SimulationRun::stateChanged);
        run.start();
        QVERIFY(sent.wait(5000));
        run.pause();
        QCOMPARE(run.state(), SimulationRun::State::Paused);
        const int sentBeforePause = int(sent.size());
        const double position = run.conversationSeconds();

        QVERIFY2(!sent.wait(kQuietPeriodMs), "nothing goes out while paused");
        QCOMPARE(run.conversationSeconds(), position);

        run.resume();
        QCOMPARE(run.state(), SimulationRun::State::Running);
        QVERIFY(waitUntilFinished(run));
        QCOMPARE(sent.size(), 4);
        QVERIFY(sentBeforePause < 4);
        QCOMPARE(run.records().size(), 4);
        // The run clock stood still while paused: the due times are still those of a run
        // without the pause.
        for (const RunRecord &record : run.records())
            QCOMPARE(record.scheduledMs, qint64((record.index + 1) * 400));
        QCOMPARE(states.first().first().value<SimulationRun::State>(),
                 SimulationRun::State::Running);
        QCOMPARE(states.last().first().value<SimulationRun::State>(),
                 SimulationRun::State::Finished);
    }

    void step_sendsTheNextBatchNowAndStaysPaused()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        // Real time: without the steps, the first batch would wait 10 s.
        SimulationRun run(planAt(server, ReplaySpeed::realTime()), &client);
        QSignalSpy sent(&run, &SimulationRun::batchSent);
        QSignalSpy completed(&run, &SimulationRun::recordCompleted);

        run.step();
        QCOMPARE(run.state(), SimulationRun::State::Paused);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(run.conversationSeconds(), 10.0);
        QVERIFY(completed.wait(5000));
        QVERIFY2(!sent.wait(kQuietPeriodMs), "a step sends one batch");

        run.step();
        QCOMPARE(sent.size(), 2);
        QCOMPARE(run.nextIndex(), 2);
        QCOMPARE(run.conversationSeconds(), 20.0);
        QVERIFY(server.waitForRequests(2));
        const QList<QJsonObject> bodies = receivedBodies(server);
        QCOMPARE(segmentTexts(bodies[0]), QStringList{QStringLiteral("segment 0")});
        QCOMPARE(segmentTexts(bodies[1]), QStringList{QStringLiteral("segment 1")});
        // Stepped batches are due when stepped: no scheduling error.
        QCOMPARE(sent.at(1).at(1).toDouble(), sent.at(1).at(2).toDouble());

        run.step();
        run.step();
        QVERIFY(waitUntilFinished(run));
        QCOMPARE(run.records().size(), 4);
    }

    void seek_skipsThePassedBatchesAndSaysSo()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(planAt(server, ReplaySpeed::times(100)), &client);
        QSignalSpy skipped(&run, &SimulationRun::batchSkipped);

        QVERIFY(run.seek(25));
        QCOMPARE(skipped.size(), 2);
        QCOMPARE(skipped.at(0).at(0).toInt(), 0);
        QCOMPARE(skipped.at(1).at(0).toInt(), 1);
        QVERIFY(skipped.at(0).at(1).toString().contains(u"seek to 25 s"));
        QVERIFY(skipped.at(0).at(1).toString().contains(u"not sent"));
        QCOMPARE(run.conversationSeconds(), 25.0);

        QVERIFY(runToEnd(run));
        const QList<QJsonObject> bodies = receivedBodies(server);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(segmentTexts(bodies[0]), QStringList{QStringLiteral("segment 2")});
        QCOMPARE(segmentTexts(bodies[1]), QStringList{QStringLiteral("segment 3")});
        // From 25 s, the 30 s batch is 5 s of conversation away: 50 ms at 100x.
        QCOMPARE(run.records().first().index, 2);
        QCOMPARE(run.records().first().scheduledMs, 50);
        QCOMPARE(run.summary().count, 2);
    }

    void seekToBatch_startsAtItsWindow()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(planAt(server, ReplaySpeed::times(100)), &client);
        QSignalSpy skipped(&run, &SimulationRun::batchSkipped);
        QVERIFY(run.seekToBatch(3));
        QCOMPARE(skipped.size(), 3);
        QCOMPARE(run.conversationSeconds(), 30.0);
        QVERIFY(runToEnd(run));
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(segmentTexts(receivedBodies(server).first()),
                 QStringList{QStringLiteral("segment 3")});
    }

    void seek_neverGoesBackBeforeWhatWasSent()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(planAt(server, ReplaySpeed::realTime()), &client);
        QSignalSpy skipped(&run, &SimulationRun::batchSkipped);
        run.step();
        run.step(); // batches 0 and 1 went out; the conversation stands at 20 s
        QVERIFY(!run.seek(15));
        QVERIFY(!run.seekToBatch(1));
        QVERIFY(!run.seekToBatch(4));
        QVERIFY(!run.seek(-1));
        QCOMPARE(skipped.size(), 0);
        QCOMPARE(run.conversationSeconds(), 20.0);
        QVERIFY(run.seek(20)); // standing still is allowed
        run.stop();
        QVERIFY(waitUntilFinished(run));
    }

    void stop_cancelsWhatIsInFlightAndSkipsTheRest()
    {
        LoopbackServer server;
        server.setRoute("/segments",
                        LoopbackServer::Behaviour::json(200, "{}").heldUntilReleased());
        HttpClient client;
        SimulationRun run(planAt(server, ReplaySpeed::fast()), &client);
        QSignalSpy skipped(&run, &SimulationRun::batchSkipped);
        run.start();
        QVERIFY(server.waitForRequests(1));
        run.stop();
        QVERIFY(waitUntilFinished(run));
        QCOMPARE(skipped.size(), 3);
        QVERIFY(skipped.first().at(1).toString().contains(u"stopped"));
        QCOMPARE(run.records().size(), 1);
        QCOMPARE(run.records().first().result.error, HttpError::Cancelled);
        QVERIFY(run.records().first().requestFailed());
        server.releaseHeldAnswers();
    }

    void deletedPlugin_sendsNothingAndSaysWhy()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationPlan plan = planAt(server, ReplaySpeed::fast());
        plan.plugin.deleted = true;
        SimulationRun run(plan, &client);
        QSignalSpy skipped(&run, &SimulationRun::batchSkipped);
        QVERIFY(runToEnd(run));
        QCOMPARE(skipped.size(), 4);
        QVERIFY(skipped.first().at(1).toString().contains(u"marked deleted"));
        QVERIFY(skipped.first().at(1).toString().contains(u"nothing sent"));
        QCOMPARE(run.records().size(), 0);
        QCOMPARE(server.requestCount(), 0);
    }

    void discardedMemory_sendsNothingAndSaysWhy()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        Memory memory = smallMemory();
        memory.discarded = true;
        SimulationRun run(SimulationPlan::forMemory(
                              testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), memory),
                          &client);
        QSignalSpy skipped(&run, &SimulationRun::batchSkipped);
        QVERIFY(runToEnd(run));
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped.first().at(1).toString().contains(u"discarded"));
        QCOMPARE(server.requestCount(), 0);
    }

    void destroyingARun_midFlight_abandonsItsRequests()
    {
        LoopbackServer server;
        server.setRoute("/segments",
                        LoopbackServer::Behaviour::json(200, "{}").heldUntilReleased());
        HttpClient client;
        {
            SimulationRun run(planAt(server, ReplaySpeed::times(1000)), &client);
            run.start();
            QVERIFY(server.waitForRequests(4));
        }
        server.releaseHeldAnswers();
        // The client stays usable for the next run.
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        SimulationRun next(planAt(server, ReplaySpeed::fast()), &client);
        QVERIFY(runToEnd(next));
        QCOMPARE(next.records().size(), 4);
    }
};

QTEST_GUILESS_MAIN(SimulationControlTest)
#include "tst_simulationcontrol.moc"
