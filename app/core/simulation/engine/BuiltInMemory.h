#pragma once

#include "simulation/payload/Memory.h"

namespace studio {

// The memory a simulation sends when the user names none: a short planning conversation
// between the wearer and a colleague, with two action items (one done), a calendar event
// carrying a datetime (memories with event datetimes once failed to serialize and their
// webhooks never fired), an earlier plugin result and a geolocation. Fixed ids and times,
// so two runs send the same bytes.
class BuiltInMemory
{
public:
    static Memory sample();
};

} // namespace studio
