#include "RunKind.h"

namespace studio {

QString RunKinds::name(RunKind kind)
{
    switch (kind) {
    case RunKind::Memory:
        return QStringLiteral("memory");
    case RunKind::Transcript:
        return QStringLiteral("transcript");
    case RunKind::Setup:
        return QStringLiteral("setup");
    case RunKind::Listen:
        return QStringLiteral("listen");
    case RunKind::Audio:
        return QStringLiteral("audio");
    case RunKind::Tool:
        return QStringLiteral("tool");
    }
    return {};
}

std::optional<RunKind> RunKinds::fromName(const QString &name)
{
    for (const RunKind kind : {RunKind::Memory, RunKind::Transcript, RunKind::Setup, RunKind::Listen,
                                RunKind::Audio, RunKind::Tool}) {
        if (RunKinds::name(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace studio
