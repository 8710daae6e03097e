#pragma once

#include <QString>

#include <optional>

namespace studio {

// What a kept run was: one memory_creation call, a transcript replay, or a setup check.
enum class RunKind
{
    Memory,
    Transcript,
    Setup
};

class RunKinds
{
public:
    static QString name(RunKind kind); // "memory", "transcript", "setup"
    static std::optional<RunKind> fromName(const QString &name);
};

} // namespace studio
