#pragma once

#include "http/HttpExchange.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

// A conversation the emulator created, as the user would find it in the app.
struct EmulatedConversation
{
    QString id;
    QString title;
    QString overview;
    QString text;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString language;
    QString textSource;
};

// A memory the emulator created, as the user would find it in the app.
struct EmulatedMemory
{
    QString id;
    QString content;
    QStringList tags;
};

// One call an app made to the emulated integration API: the exchange, and what the user
// would have seen of it (a notification, a new conversation, new memories).
struct IntegrationCall
{
    QDateTime at; // UTC, on the emulator's clock
    QByteArray method;
    QByteArray target; // as on the request line: "/v2/integrations/01J.../notification?uid=u1"
    // "create_conversation", "create_memories", "read_memories", "read_conversations",
    // "read_tasks", "notification", "info" or "unknown".
    QString endpoint;
    int status = 0;
    QString detail; // the error's detail, or what the call did, in one line
    QByteArray requestBody;
    QByteArray answerBody;
    HttpHeaders answerHeaders;

    std::optional<QString> notification; // the message, when one was delivered
    std::optional<EmulatedConversation> conversation;
    QList<EmulatedMemory> memories;

    // The line the CLI prints per call, in local time:
    //   12:04:05 POST notification 200 "Kept 2 tasks" (9 left this hour)
    //   12:04:06 POST user/conversations 403 App does not have the capability to create ...
    QString line() const;
    // The path after /v2/integrations/<app_id>/ ("user/conversations"), or the whole path
    // when the call was elsewhere.
    QString route() const;
};

} // namespace studio

Q_DECLARE_METATYPE(studio::IntegrationCall)
