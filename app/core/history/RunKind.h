#pragma once

#include <QString>

#include <optional>

namespace studio {

// What a kept run was: one memory_creation call, a transcript replay, a setup check, or a
// request the catcher (`listen`) received.
enum class RunKind
{
    Memory,
    Transcript,
    Setup,
    Listen
};

class RunKinds
{
public:
    static QString name(RunKind kind); // "memory", "transcript", "setup", "listen"
    static std::optional<RunKind> fromName(const QString &name);
};

} // namespace studio
