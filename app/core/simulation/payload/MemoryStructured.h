#pragma once

#include "ActionItem.h"
#include "MemoryEvent.h"

#include <QList>
#include <QString>

namespace studio {

// structured: what the app's model made of the conversation.
struct MemoryStructured
{
    QString title;
    QString overview;
    QString emoji = QStringLiteral("\U0001F9E0"); // the brain, the app's default
    QString category = QStringLiteral("other");
    QList<ActionItem> actionItems;
    QList<MemoryEvent> events;
    bool operator==(const MemoryStructured &) const = default;
};

} // namespace studio
