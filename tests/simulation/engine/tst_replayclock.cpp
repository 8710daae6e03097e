#include "simulation/engine/ReplayClock.h"

#include <QTest>

using namespace studio;

namespace {
constexpr qint64 kSecond = 1'000'000'000;
}

// The clock's arithmetic, checked while it stands still (not started, or paused), so that no
// result depends on how fast the machine is.
class ReplayClockTest : public QObject
{
    Q_OBJECT

private slots:
    void notStarted_standsAtZero()
    {
        const ReplayClock clock(10);
        QCOMPARE(clock.runNs(), 0);
        QCOMPARE(clock.conversationNs(), 0);
        QVERIFY(!clock.isStarted());
    }

    void dueTimes_areMeasuredFromTheStartAtTheFactor_data()
    {
        QTest::addColumn<double>("factor");
        QTest::addColumn<qint64>("conversationNs");
        QTest::addColumn<qint64>("expectedRunNs");
        QTest::newRow("real time") << 1.0 << 30 * kSecond << 30 * kSecond;
        QTest::newRow("100x") << 100.0 << 30 * kSecond << 300'000'000LL;
        QTest::newRow("half speed") << 0.5 << 30 * kSecond << 60 * kSecond;
        // Rounded up: a batch is never due before the conversation reaches it.
        QTest::newRow("3x rounds up") << 3.0 << kSecond << 333'333'334LL;
    }

    void dueTimes_areMeasuredFromTheStartAtTheFactor()
    {
        QFETCH(double, factor);
        QFETCH(qint64, conversationNs);
        QFETCH(qint64, expectedRunNs);
        ReplayClock clock(factor);
        clock.start(true);
        QCOMPARE(clock.runNsAt(conversationNs), expectedRunNs);
    }

    void paused_standsStill()
    {
        ReplayClock clock(100);
        clock.start(true);
        QVERIFY(clock.isStarted());
        QVERIFY(!clock.isRunning());
        const qint64 before = clock.runNs();
        QCOMPARE(clock.runNs(), before);
        QCOMPARE(clock.conversationNs(), 0);
    }

    void jump_movesTheConversationAndReanchorsDueTimes()
    {
        ReplayClock clock(10);
        clock.start(true);
        clock.jumpTo(60 * kSecond);
        QCOMPARE(clock.conversationNs(), 60 * kSecond);
        // 30 s of conversation after the jump take 3 s of run time at 10x.
        QCOMPARE(clock.runNsAt(90 * kSecond), 3 * kSecond);
        // A time the conversation already passed is due at once (in the past).
        QVERIFY(clock.runNsAt(30 * kSecond) < 0);
    }

    void jumpBeforeStart_isKeptByTheStart()
    {
        ReplayClock clock(2);
        clock.jumpTo(25 * kSecond);
        clock.start(true);
        QCOMPARE(clock.conversationNs(), 25 * kSecond);
        QCOMPARE(clock.runNsAt(30 * kSecond), 2'500'000'000LL);
    }

    void running_advancesAndPauseFreezes()
    {
        ReplayClock clock(1);
        clock.start();
        QTRY_VERIFY(clock.runNs() > 0);
        clock.pause();
        const qint64 frozen = clock.runNs();
        QCOMPARE(clock.runNs(), frozen);
        clock.resume();
        QTRY_VERIFY(clock.runNs() > frozen);
    }
};

QTEST_GUILESS_MAIN(ReplayClockTest)
#include "tst_replayclock.moc"
