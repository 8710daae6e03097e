#pragma once

#include "IsoDateTime.h"

#include <QString>

namespace studio {

// structured.events[]: a calendar event found in the conversation. Its datetime is the
// classic trap: memories whose events carried datetimes failed to serialize and their
// webhooks never fired.
struct MemoryEvent
{
    QString title;
    QString description;
    IsoDateTime start;
    int duration = 30; // minutes
    bool created = false;
    bool operator==(const MemoryEvent &) const = default;
};

} // namespace studio
