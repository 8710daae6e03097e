#pragma once

#include <QString>

#include <optional>

namespace studio {

// How a transcript is cut into transcript_processed calls.
// - Window (default, 30 s): what the plugin guide and the app's own label describe: the
//   segments that ended during each 30 s of conversation go out when those 30 s are over.
//   Later backends flushed about every second: Window with 1 s reproduces that.
// - PerSegment: one call per segment, sent when the segment ends.
struct BatchingOptions
{
    enum class Mode
    {
        Window,
        PerSegment
    };

    static constexpr double kAppWindowSeconds = 30.0;
    static constexpr double kMinimumWindowSeconds = 0.001;

    Mode mode = Mode::Window;
    double windowSeconds = kAppWindowSeconds;

    static BatchingOptions window(double seconds) { return {Mode::Window, seconds}; }
    static BatchingOptions perSegment() { return {Mode::PerSegment, 0}; }

    // "30", "30s", "1.5s", "500ms", "segment" (also "per-segment"). Windows must be at
    // least 1 ms. On failure returns nullopt and says why in *error.
    static std::optional<BatchingOptions> parse(const QString &text, QString *error = nullptr);
    // "30 s windows", "500 ms windows", "one call per segment"
    QString describe() const;

    bool operator==(const BatchingOptions &) const = default;
};

} // namespace studio
