#pragma once

#include <QString>

#include <optional>

namespace studio {

// What a kept run was: one memory_creation call, a transcript replay, an audio stream, a
// setup check, a request the catcher (`listen`) received, or a call of an app's chat tool.
enum class RunKind
{
    Memory,
    Transcript,
    Setup,
    Listen,
    Audio,
    Tool,
};

class RunKinds
{
public:
    static QString name(RunKind kind); // "memory", "transcript", "setup", "listen", "audio", "tool"
    static std::optional<RunKind> fromName(const QString &name);
};

} // namespace studio
