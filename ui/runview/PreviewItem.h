#pragma once

#include <QList>
#include <QString>

namespace studio {

struct RunRecord;

// One line of the phone preview: a notification the user gets, an answer the app drops or
// ignores (shown greyed, with the reason), or a message of the chat thread.
struct PreviewItem
{
    enum class Kind
    {
        Header,       // "Notifications", "Chat with <name>"
        Notification, // a push notification titled "<name> says"
        Suppressed,   // what the user does not get, and why
        ChatMessage,  // a chat bubble from the plugin
        Conversation, // a conversation the app created through its API, as the list shows it
    };

    Kind kind = Kind::Header;
    QString title;
    QString text;
    QString detail;       // why it was not shown; what the app's model does with a prompt
    double atSeconds = 0; // conversation time when the user would see it
    int recordIndex = -1; // the run view's index of the request it came from
    QString clock;        // a wall-clock time ("14:05:09") for what has no conversation time

    // "at 1:30", or the clock when there is one
    QString timeText() const;
    // The items one request makes: its notifications (or why it made none), then, as a
    // separate list, what it adds to the chat thread.
    static void fromRecord(const RunRecord &record, int recordIndex, const QString &pluginName,
                           QList<PreviewItem> *notifications, QList<PreviewItem> *chat);
};

} // namespace studio
