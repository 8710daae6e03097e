#include "simulation/faults/FaultSchedule.h"

#include <QTest>

#include <algorithm>

using namespace studio;

namespace {

constexpr qint64 kSecond = 1'000'000'000;

// n requests, one a second from 1 s, each window starting a second before it is sent.
std::vector<FaultSchedule::Request> conversation(int n)
{
    std::vector<FaultSchedule::Request> requests;
    for (int i = 0; i < n; ++i)
        requests.push_back({(i + 1) * kSecond, double(i)});
    return requests;
}

FaultSchedule::Options with(const char *spec, quint64 seed = 7)
{
    FaultSchedule::Options options;
    options.plan = *FaultPlan::parse(QString::fromLatin1(spec)).plan;
    options.seed = seed;
    options.transcript = true;
    return options;
}

QList<int> requestsOf(const std::vector<Delivery> &deliveries)
{
    QList<int> requests;
    for (const Delivery &delivery : deliveries)
        requests << delivery.request;
    return requests;
}

bool inTimeOrder(const std::vector<Delivery> &deliveries)
{
    return std::is_sorted(deliveries.begin(), deliveries.end(),
                          [](const Delivery &a, const Delivery &b) { return a.atNs < b.atNs; });
}

} // namespace

class FaultScheduleTest : public QObject
{
    Q_OBJECT

private slots:
    void noFaults_isEveryRequestOnTime()
    {
        const std::vector<Delivery> deliveries =
            FaultSchedule::apply(conversation(5), FaultSchedule::Options{});
        QCOMPARE(requestsOf(deliveries), QList<int>({0, 1, 2, 3, 4}));
        for (const Delivery &delivery : deliveries) {
            QCOMPARE(delivery.atNs, (delivery.request + 1) * kSecond);
            QCOMPARE(delivery.faults, quint8(0));
        }
    }

    void sameSeed_sameDeliveries_otherSeed_others()
    {
        const auto a = FaultSchedule::apply(conversation(60), with("duplicate:0.3,gap:0.3", 1));
        const auto b = FaultSchedule::apply(conversation(60), with("duplicate:0.3,gap:0.3", 1));
        const auto c = FaultSchedule::apply(conversation(60), with("duplicate:0.3,gap:0.3", 2));
        QCOMPARE(requestsOf(a), requestsOf(b));
        QVERIFY(requestsOf(a) != requestsOf(c) ||
                !std::equal(a.begin(), a.end(), c.begin(), [](const Delivery &x, const Delivery &y) {
                    return x.faults == y.faults;
                }));
    }

    void duplicate_followsItsOriginalAtTheSameTime()
    {
        const auto deliveries = FaultSchedule::apply(conversation(4), with("duplicate:1"));
        QCOMPARE(requestsOf(deliveries), QList<int>({0, 0, 1, 1, 2, 2, 3, 3}));
        for (std::size_t at = 0; at < deliveries.size(); at += 2) {
            const Delivery &original = deliveries[at];
            const Delivery &copy = deliveries[at + 1];
            QVERIFY(original.copied && !original.has(Delivery::Duplicate));
            QVERIFY(copy.has(Delivery::Duplicate));
            QCOMPARE(copy.originalOf, int(at));
            QCOMPARE(copy.atNs, original.atNs);
        }
    }

    void gap_losesRequestsAndNeverCopiesThem()
    {
        const auto deliveries = FaultSchedule::apply(conversation(6), with("gap:1,duplicate:1"));
        QCOMPARE(requestsOf(deliveries), QList<int>({0, 1, 2, 3, 4, 5}));
        for (const Delivery &delivery : deliveries)
            QVERIFY(delivery.lost() && !delivery.copied);
        QCOMPARE(deliveries.front().faultNames(0), QStringList{QStringLiteral("gap")});
    }

    void reorder_swapsNeighboursAtTheLaterTime()
    {
        const auto deliveries = FaultSchedule::apply(conversation(6), with("reorder:1"));
        QCOMPARE(requestsOf(deliveries), QList<int>({1, 0, 3, 2, 5, 4}));
        QCOMPARE(deliveries[0].atNs, 2 * kSecond);
        QCOMPARE(deliveries[1].atNs, 2 * kSecond);
        QVERIFY(deliveries[0].has(Delivery::Reordered) && deliveries[1].has(Delivery::Reordered));
        QVERIFY(inTimeOrder(deliveries));
    }

    void reorder_leavesAnythingButTranscriptsAlone()
    {
        FaultSchedule::Options options = with("reorder:1");
        options.transcript = false;
        QCOMPARE(requestsOf(FaultSchedule::apply(conversation(4), options)),
                 QList<int>({0, 1, 2, 3}));
    }

    void burst_flushesAQuarterAtOnce()
    {
        for (quint64 seed = 0; seed < 20; ++seed) {
            const auto deliveries = FaultSchedule::apply(conversation(20), with("burst", seed));
            QList<int> burst;
            for (const Delivery &delivery : deliveries)
                if (delivery.has(Delivery::Burst))
                    burst << delivery.request;
            QVERIFY2(burst.size() >= 2 && burst.size() <= 5, qPrintable(QString::number(burst.size())));
            QCOMPARE(burst.back() - burst.front() + 1, burst.size()); // one stretch
            for (const int request : burst)
                QCOMPARE(deliveries[std::size_t(request)].atNs, (burst.back() + 1) * kSecond);
            QCOMPARE(requestsOf(deliveries).size(), 20);
            QVERIFY(inTimeOrder(deliveries));
        }
    }

    void restart_startsANewSessionInTheMiddleThird()
    {
        for (quint64 seed = 0; seed < 20; ++seed) {
            const auto deliveries = FaultSchedule::apply(conversation(30), with("restart", seed));
            const auto first = std::find_if(deliveries.begin(), deliveries.end(),
                                            [](const Delivery &d) { return d.session == 1; });
            QVERIFY(first != deliveries.end());
            QVERIFY(first->request >= 10 && first->request <= 20);
            QCOMPARE(first->sessionStartSeconds, double(first->request));
            QVERIFY(std::all_of(first, deliveries.end(), [](const Delivery &d) {
                return d.session == 1 && d.has(Delivery::Restarted);
            }));
            QVERIFY(std::none_of(deliveries.begin(), first,
                                 [](const Delivery &d) { return d.session != 0; }));
        }
    }

    void slowNetwork_delaysEveryRequest()
    {
        FaultSchedule::Options options = with("slow-network:250");
        options.slowNetworkNs = 250'000'000;
        const auto deliveries = FaultSchedule::apply(conversation(3), options);
        for (const Delivery &delivery : deliveries) {
            QCOMPARE(delivery.atNs, (delivery.request + 1) * kSecond + 250'000'000);
            QCOMPARE(delivery.faultNames(250), QStringList{QStringLiteral("slow-network:250")});
        }
    }

    void aLoneRequest_isOnlyDuplicatedLostOrDelayed()
    {
        const auto deliveries =
            FaultSchedule::apply(conversation(1), with("burst,restart,reorder:1"));
        QCOMPARE(deliveries.size(), std::size_t(1));
        QCOMPARE(deliveries.front().faults, quint8(0));
    }

    void seedOf_differsByUserAndRound()
    {
        QVERIFY(FaultSchedule::seedOf(1, 0, 0) != FaultSchedule::seedOf(1, 1, 0));
        QVERIFY(FaultSchedule::seedOf(1, 0, 0) != FaultSchedule::seedOf(1, 0, 1));
        QCOMPARE(FaultSchedule::seedOf(9, 3, 4), FaultSchedule::seedOf(9, 3, 4));
    }
};

QTEST_APPLESS_MAIN(FaultScheduleTest)
#include "tst_faultschedule.moc"
