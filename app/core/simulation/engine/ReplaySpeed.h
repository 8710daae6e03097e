#pragma once

#include <QString>

#include <optional>

namespace studio {

// How fast a transcript replay runs.
// - Factor: the conversation clock runs `factor` times real time (1 = real time, 100 = a
//   30 s window every 0.3 s). Each batch goes out when the clock reaches its send time,
//   whether or not earlier requests have been answered: the app does not wait either.
// - Fast: as fast as possible. Each batch goes out as soon as the previous exchange has
//   ended, so a plugin that accumulates segments by session sees them in order, and a
//   replay never floods the plugin with hundreds of simultaneous requests.
struct ReplaySpeed
{
    enum class Mode
    {
        Factor,
        Fast
    };

    static constexpr double kMinimumFactor = 0.01;
    static constexpr double kMaximumFactor = 100'000;

    Mode mode = Mode::Factor;
    double factor = 1.0;

    static ReplaySpeed realTime() { return {Mode::Factor, 1.0}; }
    static ReplaySpeed times(double factor) { return {Mode::Factor, factor}; }
    static ReplaySpeed fast() { return {Mode::Fast, 0}; }

    bool isFast() const { return mode == Mode::Fast; }
    // "real time", "10x", "as fast as possible"
    QString describe() const;
    // The factor for reports: 0 stands for "as fast as possible".
    double reportedFactor() const { return isFast() ? 0.0 : factor; }

    // "1", "10", "2.5", "10x", "fast". On failure returns nullopt and says why in *error.
    static std::optional<ReplaySpeed> parse(const QString &text, QString *error = nullptr);

    bool operator==(const ReplaySpeed &) const = default;
};

} // namespace studio
