#pragma once

#include "AppNotification.h"
#include "ProactiveOutcome.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

// What the app does with one answer of a plugin.
struct ResponseVerdict
{
    enum class Kind
    {
        Notification, // the user sees at least one notification
        Silent,       // a valid answer asking for nothing
        Dropped,      // a valid answer whose message the app throws away (too short, rate limit)
        Ignored,      // the app could not use the answer (status, not JSON, wrong types, no answer)
    };

    Kind kind = Kind::Ignored;
    QString reason; // one sentence: what the app does and why
    QList<AppNotification> notifications;
    std::optional<QString> chatMessage; // stored in the user's chat as from the plugin
    std::optional<ProactiveOutcome> proactive;
    QStringList notes;              // further things the app did or ignored in the same answer
    bool proactiveNotified = false; // a proactive notification went out: it starts the rate limit

    static QString kindName(Kind kind); // "notification", "silent", "dropped", "ignored"
    QString kindName() const { return kindName(kind); }
    // True when the answer itself was unusable (as opposed to valid but quiet or dropped).
    bool answerInvalid() const { return kind == Kind::Ignored; }
};

} // namespace studio
