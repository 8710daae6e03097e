#include "Memory.h"

namespace studio {

QStringList Memory::sources()
{
    return {QStringLiteral("friend"), QStringLiteral("openglass"), QStringLiteral("screenpipe"),
            QStringLiteral("workflow"), QStringLiteral("sdcard")};
}

QStringList Memory::categories()
{
    return {QStringLiteral("personal"),
            QStringLiteral("education"),
            QStringLiteral("health"),
            QStringLiteral("finance"),
            QStringLiteral("legal"),
            QStringLiteral("philosophy"),
            QStringLiteral("spiritual"),
            QStringLiteral("science"),
            QStringLiteral("entrepreneurship"),
            QStringLiteral("parenting"),
            QStringLiteral("romantic"),
            QStringLiteral("travel"),
            QStringLiteral("inspiration"),
            QStringLiteral("technology"),
            QStringLiteral("business"),
            QStringLiteral("social"),
            QStringLiteral("work"),
            QStringLiteral("sports"),
            QStringLiteral("politics"),
            QStringLiteral("literature"),
            QStringLiteral("history"),
            QStringLiteral("architecture"),
            QStringLiteral("other")};
}

QStringList Memory::visibilities()
{
    return {QStringLiteral("private"), QStringLiteral("shared"), QStringLiteral("public")};
}

} // namespace studio
