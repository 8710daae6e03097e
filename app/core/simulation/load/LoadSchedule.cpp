#include "LoadSchedule.h"

#include "simulation/faults/FaultSchedule.h"

#include <cmath>

namespace studio {

LoadSchedule::LoadSchedule(const LoadPlan &plan)
    : m_plan(plan)
    , m_roundNs(plan.roundNs())
    , m_faulted(plan.base.faults.any())
{
    if (plan.durationSeconds)
        m_endNs = std::llround(*plan.durationSeconds * 1e9);
    if (plan.requestsPerRound() == 0)
        return;
    if (m_faulted)
        m_rounds.resize(std::size_t(plan.users));
    for (int user = 0; user < plan.users; ++user) {
        startRound(user, 0);
        push(dueAt(user, 0, 0));
    }
}

void LoadSchedule::startRound(int user, int round)
{
    if (!m_faulted)
        return;
    const SimulationPlan &base = m_plan.base;
    std::vector<FaultSchedule::Request> requests;
    requests.reserve(std::size_t(m_plan.requestsPerRound()));
    for (int index = 0; index < m_plan.requestsPerRound(); ++index)
        requests.push_back({m_plan.offsetNs(index), base.windowStartSeconds(index)});
    FaultSchedule::Options options;
    options.plan = base.faults;
    options.seed = FaultSchedule::seedOf(base.faultSeed, user, round);
    options.slowNetworkNs = qint64(base.faults.slowNetworkMs) * 1'000'000; // the run clock is real
    options.transcript = base.trigger == AppTrigger::TranscriptProcessed;
    m_rounds[std::size_t(user)] = FaultSchedule::apply(requests, options);
}

int LoadSchedule::roundLength(int user) const
{
    return m_faulted ? int(m_rounds[std::size_t(user)].size()) : m_plan.requestsPerRound();
}

LoadSchedule::Due LoadSchedule::dueAt(int user, int round, int index) const
{
    Due due;
    due.user = user;
    due.round = round;
    due.index = index;
    if (m_faulted) {
        due.delivery = m_rounds[std::size_t(user)][std::size_t(index)];
    } else {
        due.delivery.request = index;
        due.delivery.atNs = m_plan.offsetNs(index);
    }
    due.dueNs = m_plan.startNs(user) + qint64(round) * m_roundNs + due.delivery.atNs;
    return due;
}

void LoadSchedule::push(const Due &due)
{
    // Without a duration each user plays once; with one, nothing is due after it.
    if (m_endNs ? due.dueNs >= *m_endNs : due.round > 0)
        return;
    m_heap.push(due);
}

LoadSchedule::Due LoadSchedule::take()
{
    const Due due = m_heap.top();
    m_heap.pop();
    if (due.index + 1 < roundLength(due.user)) {
        push(dueAt(due.user, due.round, due.index + 1));
    } else if (m_endNs) {
        startRound(due.user, due.round + 1);
        push(dueAt(due.user, due.round + 1, 0));
    }
    return due;
}

} // namespace studio
