#include "FaultSchedule.h"

#include <algorithm>
#include <random>

namespace studio {

namespace {

// Uniform draws that are the same on every platform (std's distributions are not).
class Dice
{
public:
    explicit Dice(quint64 seed)
        : m_engine(seed)
    {
    }
    double unit() { return double(m_engine() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return p > 0 && unit() < p; }
    // From `low` to `high`, both included.
    int between(int low, int high) { return low + int(unit() * double(high - low + 1)); }

private:
    std::mt19937_64 m_engine;
};

void restart(std::vector<Delivery> &deliveries, const std::vector<FaultSchedule::Request> &requests,
             Dice &dice)
{
    const int n = int(deliveries.size());
    if (n < 2)
        return;
    const int first = dice.between(std::max(1, n / 3), std::clamp(2 * n / 3, 1, n - 1));
    for (int at = first; at < n; ++at) {
        deliveries[std::size_t(at)].faults |= Delivery::Restarted;
        deliveries[std::size_t(at)].session = 1;
        deliveries[std::size_t(at)].sessionStartSeconds =
            requests[std::size_t(first)].windowStartSeconds;
    }
}

void burst(std::vector<Delivery> &deliveries, Dice &dice)
{
    const int n = int(deliveries.size());
    if (n < 2)
        return;
    const int length = std::max(2, (n + 3) / 4);
    const int first = dice.between(0, n - 2);
    const int last = std::min(n - 1, first + length - 1);
    const qint64 flushNs = deliveries[std::size_t(last)].atNs;
    for (int at = first; at <= last; ++at) {
        deliveries[std::size_t(at)].atNs = flushNs;
        deliveries[std::size_t(at)].faults |= Delivery::Burst;
    }
}

void reorder(std::vector<Delivery> &deliveries, double p, Dice &dice)
{
    for (std::size_t at = 0; at + 1 < deliveries.size(); ++at) {
        if (!dice.chance(p))
            continue;
        Delivery &earlier = deliveries[at];
        Delivery &later = deliveries[at + 1];
        const qint64 racedNs = std::max(earlier.atNs, later.atNs);
        std::swap(earlier, later);
        earlier.atNs = later.atNs = racedNs;
        earlier.faults |= Delivery::Reordered;
        later.faults |= Delivery::Reordered;
        ++at; // a batch is swapped once
    }
}

std::vector<Delivery> loseAndCopy(const std::vector<Delivery> &deliveries, const FaultPlan &plan,
                                  Dice &dice)
{
    std::vector<Delivery> out;
    out.reserve(deliveries.size());
    for (Delivery delivery : deliveries) {
        if (dice.chance(plan.gap))
            delivery.faults |= Delivery::Gap;
        out.push_back(delivery);
        if (!delivery.lost() && dice.chance(plan.duplicate)) {
            out.back().copied = true;
            Delivery copy = delivery;
            copy.faults |= Delivery::Duplicate;
            copy.originalOf = int(out.size()) - 1;
            out.push_back(copy);
        }
    }
    return out;
}

} // namespace

std::vector<Delivery> FaultSchedule::apply(const std::vector<Request> &requests,
                                           const Options &options)
{
    std::vector<Delivery> deliveries;
    deliveries.reserve(requests.size());
    for (std::size_t at = 0; at < requests.size(); ++at) {
        Delivery delivery;
        delivery.request = int(at);
        delivery.atNs = requests[at].atNs;
        deliveries.push_back(delivery);
    }
    const FaultPlan &plan = options.plan;
    if (!plan.any())
        return deliveries;

    Dice dice(options.seed);
    if (plan.restart)
        restart(deliveries, requests, dice);
    if (plan.burst)
        burst(deliveries, dice);
    if (options.transcript && plan.reorder > 0)
        reorder(deliveries, plan.reorder, dice);
    deliveries = loseAndCopy(deliveries, plan, dice);
    if (plan.slowNetworkMs > 0) {
        for (Delivery &delivery : deliveries) {
            delivery.atNs += options.slowNetworkNs;
            delivery.faults |= Delivery::SlowNetwork;
        }
    }
    return deliveries;
}

quint64 FaultSchedule::seedOf(quint64 seed, int user, int round)
{
    // splitmix64 over the three: neighbouring users and rounds get unrelated draws.
    quint64 z = seed ^ (quint64(quint32(user)) << 32 | quint32(round));
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace studio
