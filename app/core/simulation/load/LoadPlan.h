#pragma once

#include "simulation/engine/SimulationPlan.h"

#include <QString>

#include <optional>

namespace studio {

// A load run: many simulated users of the app, each replaying the same conversation (or
// sending the same memory, or streaming the same recording) to one plugin as its own user.
//
// Times are on the run's clock (what a watch measures), the conversation within a user's
// round at the base plan's speed: user n (0-based) of N starts at ramp * n / N and replays
// from the conversation's beginning; with a duration it starts again each time its round is
// over, until the duration ends (a request due after it is not sent); without one each user
// plays one round.
struct LoadPlan
{
    // What each user's app sends and how: plugin, contract, memory, batches or audio chunks,
    // speed, transport. Its uid and session are the users' own (uidOf, sessionOf).
    SimulationPlan base;
    int users = 1;
    double rampSeconds = 0;
    std::optional<double> durationSeconds;
    // Requests out at once; more wait (and go late) for one to end. 0: no cap, as the app.
    int maxInFlight = 0;
    quint32 seed = 0; // names the users, so a run can be repeated with the same uids

    // "load-<seed>-<n>" for users 1..N: told apart in a plugin's logs, never a real user's.
    QString uidOf(int user) const;
    // The body's session as the contract makes it: the user's uid (the backend's session id).
    QString sessionOf(int user) const { return uidOf(user); }
    // The base plan as user `user` (0-based) sends it.
    SimulationPlan planOf(int user) const;

    // When user `user` starts, on the run clock.
    qint64 startNs(int user) const;
    // One round of a user's conversation on the run clock: until its last request is due (a
    // memory: its conversation's length; audio: the recording's), a second at least.
    qint64 roundNs() const;
    // Request `index` of a round on the run clock, from the round's start.
    qint64 offsetNs(int index) const;
    int requestsPerRound() const { return base.requestCount(); }
    // Why the plan cannot run, in words; nullopt when it can.
    std::optional<QString> problem() const;
};

} // namespace studio
