#pragma once

#include <QString>

namespace studio {

// A push notification the user would see.
struct AppNotification
{
    QString title; // "<plugin name> says"
    QString body;
    bool writtenByModel = false; // proactive: the app's model writes the body from a prompt
    bool operator==(const AppNotification &) const = default;
};

} // namespace studio
