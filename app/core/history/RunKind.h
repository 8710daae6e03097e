#pragma once

#include <QString>

#include <optional>

namespace studio {

// What a kept run was: one memory_creation call, a transcript replay, an audio stream, a
// setup check, or a request the catcher (`listen`) received.
enum class RunKind
{
    Memory,
    Transcript,
    Setup,
    Listen,
    Audio,
};

class RunKinds
{
public:
    static QString name(RunKind kind); // "memory", "transcript", "setup", "listen", "audio"
    static std::optional<RunKind> fromName(const QString &name);
};

} // namespace studio
