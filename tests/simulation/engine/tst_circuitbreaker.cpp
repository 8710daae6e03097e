#include "simulation/engine/CircuitBreaker.h"

#include <QTest>

using namespace studio;

namespace {

const QString kHook = QStringLiteral("http://127.0.0.1:8000/hook?uid=u1");

void failTimes(CircuitBreaker &breaker, int times, qint64 atMs)
{
    for (int i = 0; i < times; ++i)
        breaker.failed(kHook, atMs);
}

} // namespace

// The app's circuit breaker per webhook URL, as the backend keeps it: 5 failures in a row
// open it for 30 s after the last, then one probe decides.
class CircuitBreakerTest : public QObject
{
    Q_OBJECT

private slots:
    void closed_untilFailuresInARow()
    {
        CircuitBreaker breaker(5, 30'000);
        failTimes(breaker, 4, 1000);
        QVERIFY(breaker.admit(kHook, 2000).allowed);
        breaker.succeeded(kHook); // a success resets the count
        failTimes(breaker, 4, 3000);
        QVERIFY(breaker.admit(kHook, 4000).allowed);
        breaker.failed(kHook, 5000);
        const CircuitBreaker::Admission refused = breaker.admit(kHook, 5000);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.openUntilMs, std::optional<qint64>(35'000));
        QCOMPARE(refused.failures, 5);
        QCOMPARE(refused.lastFailureMs, qint64(5000));
    }

    void open_thenOneProbe_successCloses()
    {
        CircuitBreaker breaker(5, 30'000);
        failTimes(breaker, 5, 5000);
        QVERIFY(!breaker.admit(kHook, 34'999).allowed);
        const CircuitBreaker::Admission probe = breaker.admit(kHook, 35'000);
        QVERIFY(probe.allowed);
        QVERIFY(probe.probe);
        // While the probe is out, the rest still wait.
        const CircuitBreaker::Admission waiting = breaker.admit(kHook, 36'000);
        QVERIFY(!waiting.allowed);
        QVERIFY(!waiting.openUntilMs);
        breaker.succeeded(kHook);
        const CircuitBreaker::Admission closed = breaker.admit(kHook, 37'000);
        QVERIFY(closed.allowed);
        QVERIFY(!closed.probe);
    }

    void probeFailure_opensAgainFromThatFailure()
    {
        CircuitBreaker breaker(5, 30'000);
        failTimes(breaker, 5, 5000);
        QVERIFY(breaker.admit(kHook, 40'000).probe);
        breaker.failed(kHook, 40'500);
        const CircuitBreaker::Admission refused = breaker.admit(kHook, 41'000);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.openUntilMs, std::optional<qint64>(70'500));
        QCOMPARE(refused.failures, 6);
        QVERIFY(breaker.admit(kHook, 70'500).probe);
    }

    void lateFailures_extendTheOpenTime()
    {
        // Requests sent before it opened still fail while it is open: 30 s from the last.
        CircuitBreaker breaker(5, 30'000);
        failTimes(breaker, 5, 5000);
        breaker.failed(kHook, 12'000);
        QCOMPARE(breaker.admit(kHook, 36'000).openUntilMs, std::optional<qint64>(42'000));
    }

    void perUrl_withoutTheQuery()
    {
        QCOMPARE(CircuitBreaker::keyOf(QStringLiteral("http://h/a?uid=1#x")),
                 QStringLiteral("http://h/a"));
        QCOMPARE(CircuitBreaker::keyOf(QStringLiteral("http://h/a#x?y")),
                 QStringLiteral("http://h/a"));
        CircuitBreaker breaker(5, 30'000);
        failTimes(breaker, 5, 1000);
        QVERIFY(
            !breaker.admit(QStringLiteral("http://127.0.0.1:8000/hook?uid=other"), 2000).allowed);
        QVERIFY(breaker.admit(QStringLiteral("http://127.0.0.1:8000/other?uid=u1"), 2000).allowed);
    }

    void none_neverOpens()
    {
        CircuitBreaker breaker;
        QVERIFY(!breaker.enabled());
        failTimes(breaker, 50, 1000);
        QVERIFY(breaker.admit(kHook, 1000).allowed);
    }
};

QTEST_GUILESS_MAIN(CircuitBreakerTest)
#include "tst_circuitbreaker.moc"
