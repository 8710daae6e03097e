#include "simulation/load/LoadSchedule.h"
#include "transcript/TranscriptBatcher.h"

#include <QSet>
#include <QTest>

#include <map>

using namespace studio;

namespace {

constexpr qint64 kNsPerSecond = 1'000'000'000;

// A conversation whose 1 s windows go out at 1, 2 and 4 s.
LoadPlan transcriptLoad(int users, double rampSeconds)
{
    QList<TranscriptSegment> segments;
    for (const double end : {0.8, 1.5, 3.2}) {
        TranscriptSegment segment;
        segment.text = QStringLiteral("at %1").arg(end);
        segment.start = end - 0.5;
        segment.end = end;
        segments.append(segment);
    }
    PluginUnderTest plugin;
    plugin.id = QStringLiteral("load-plugin");
    plugin.webhookUrl = QStringLiteral("http://127.0.0.1:1/hook");
    LoadPlan plan;
    plan.base = SimulationPlan::forTranscript(plugin, segments, BatchingOptions::window(1));
    plan.users = users;
    plan.rampSeconds = rampSeconds;
    plan.seed = 7;
    return plan;
}

QList<LoadSchedule::Due> everything(const LoadPlan &plan)
{
    LoadSchedule schedule(plan);
    QList<LoadSchedule::Due> all;
    while (!schedule.isEmpty())
        all.append(schedule.take());
    return all;
}

} // namespace

// The merged timeline of every user's requests: the ramp, the rounds and the duration.
class LoadScheduleTest : public QObject
{
    Q_OBJECT

private slots:
    void users_haveTheirOwnUidsAndSessions()
    {
        const LoadPlan plan = transcriptLoad(3, 0);
        QSet<QString> uids;
        for (int user = 0; user < plan.users; ++user) {
            const SimulationPlan own = plan.planOf(user);
            QCOMPARE(own.uid, plan.uidOf(user));
            QCOMPARE(own.effectiveSessionId(), plan.sessionOf(user));
            uids.insert(own.uid);
        }
        QCOMPARE(uids.size(), 3);
        QCOMPARE(plan.uidOf(0), QStringLiteral("load-7-1"));
    }

    void ramp_spreadsTheUsersStarts()
    {
        const LoadPlan plan = transcriptLoad(4, 2.0);
        std::map<int, qint64> firstDue;
        for (const LoadSchedule::Due &due : everything(plan))
            firstDue.try_emplace(due.user, due.dueNs);
        QCOMPARE(firstDue.size(), std::size_t(4));
        // Each user's first window goes out 1 s into its conversation.
        for (int user = 0; user < 4; ++user)
            QCOMPARE(firstDue.at(user), kNsPerSecond / 2 * user + kNsPerSecond);
    }

    void withoutDuration_eachUserPlaysOnceInOrder()
    {
        const LoadPlan plan = transcriptLoad(5, 1.0);
        const QList<LoadSchedule::Due> all = everything(plan);
        QCOMPARE(all.size(), 5 * plan.requestsPerRound());
        std::map<int, int> nextIndex;
        qint64 previous = 0;
        for (const LoadSchedule::Due &due : all) {
            QVERIFY(due.dueNs >= previous);
            previous = due.dueNs;
            QCOMPARE(due.round, 0);
            QCOMPARE(due.index, nextIndex[due.user]++);
        }
    }

    void duration_startsTheConversationAgainAndEndsIt()
    {
        LoadPlan plan = transcriptLoad(2, 0);
        plan.base.speed = ReplaySpeed::times(2); // a round is 2 s on the run's clock
        plan.durationSeconds = 5.0;
        QCOMPARE(plan.roundNs(), 2 * kNsPerSecond);
        const QList<LoadSchedule::Due> all = everything(plan);
        // Rounds start at 0, 2 and 4 s, their windows due 0.5, 1 and 2 s in; the last
        // round's second and third windows (5 and 6 s) are past the end.
        QList<qint64> dueOfFirst;
        for (const LoadSchedule::Due &due : all) {
            QVERIFY(due.dueNs < 5 * kNsPerSecond);
            if (due.user == 0)
                dueOfFirst.append(due.dueNs);
        }
        const qint64 half = kNsPerSecond / 2;
        const QList<qint64> expected = {half,     2 * half, 4 * half, 5 * half,
                                        6 * half, 8 * half, 9 * half};
        QCOMPARE(dueOfFirst, expected);
        QCOMPARE(all.size(), 2 * expected.size());
        QCOMPARE(all.last().round, 2);
    }

    void audio_eachChunkIsDueOnceSpoken_aRoundIsTheRecording()
    {
        PluginUnderTest plugin;
        plugin.webhookUrl = QStringLiteral("http://127.0.0.1:1/audio");
        // 10 s at 8 kHz in 4 s chunks (ending at 4, 8 and 10 s), at 2x, started again for 12 s.
        const PcmAudio audio{8000, QByteArray(8000 * 2 * 10, '\0')};
        LoadPlan plan;
        plan.base = SimulationPlan::forAudio(plugin, audio, 4.0, ReplaySpeed::times(2));
        plan.users = 1;
        plan.durationSeconds = 12.0;
        QVERIFY(!plan.problem());
        QCOMPARE(plan.requestsPerRound(), 3);
        QCOMPARE(plan.roundNs(), 5 * kNsPerSecond);
        QList<qint64> due;
        QList<int> chunks;
        for (const LoadSchedule::Due &next : everything(plan)) {
            due.append(next.dueNs);
            chunks.append(next.delivery.request);
        }
        const qint64 s = kNsPerSecond;
        QCOMPARE(due, (QList<qint64>{2 * s, 4 * s, 5 * s, 7 * s, 9 * s, 10 * s}));
        QCOMPARE(chunks, (QList<int>{0, 1, 2, 0, 1, 2}));
    }

    void problems_areSaid()
    {
        LoadPlan plan = transcriptLoad(0, 0);
        QVERIFY(plan.problem());
        plan.users = 1;
        QVERIFY(!plan.problem());
        plan.base.speed = ReplaySpeed::fast();
        QVERIFY(plan.problem());
        plan.base.speed = ReplaySpeed::realTime();
        plan.durationSeconds = 0.0;
        QVERIFY(plan.problem());
    }
};

QTEST_APPLESS_MAIN(LoadScheduleTest)
#include "tst_loadschedule.moc"
