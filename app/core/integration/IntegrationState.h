#pragma once

#include "IntegrationCall.h"
#include "IntegrationRequests.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <deque>

namespace studio {

// What the emulated user has: the conversations and memories apps created, and how many
// notifications each user was sent this hour. In memory, bounded (the oldest dropped), lost
// on stop. Every member may be called from any thread.
class IntegrationState
{
public:
    static constexpr int kMaxConversations = 10'000;
    static constexpr int kMaxMemories = 10'000;
    // The contract's limit. The backend's counter (check_rate_limit) refuses once it has
    // counted 10, so it delivers 9 an hour; the contract and the studio say 10.
    static constexpr int kNotificationsPerHour = 10;

    struct Quota
    {
        bool allowed = false;
        int remaining = 0;
        int resetSeconds = 0; // to the top of the hour (UTC)
    };

    // The title is the text's first words and the overview the text: the backend has its
    // model write both.
    EmulatedConversation addConversation(const CreateConversationRequest &request,
                                         const QString &appId, const QDateTime &now);
    // Explicit memories as given; a text alone as one memory (the backend has its model
    // extract facts from it).
    QList<EmulatedMemory> addMemories(const CreateMemoriesRequest &request, const QString &uid,
                                      const QString &appId, const QDateTime &now);
    // The GET answers' lists, newest first (ConversationItem and MemoryDB, None left out).
    Json conversations(const ListRequest &list) const;
    Json memories(const ListRequest &list) const;
    // Counts one notification to `uid` at `now` when the hour still allows it.
    Quota takeNotification(const QString &uid, const QDateTime &now);

    QList<EmulatedConversation> conversationList() const; // oldest first
    QList<EmulatedMemory> memoryList() const;              // oldest first

    // The first words of a text's first line, as a conversation's title.
    static QString titleOf(const QString &text);

private:
    struct Conversation
    {
        EmulatedConversation shown;
        QDateTime createdAt;
        QString appId;
        std::optional<QString> textSourceSpec;
        std::optional<GeolocationRequest> geolocation;
    };
    struct Memory
    {
        EmulatedMemory shown;
        QString uid;
        QString appId;
        QDateTime createdAt;
    };

    mutable QMutex m_mutex;
    std::deque<Conversation> m_conversations;
    std::deque<Memory> m_memories;
    QString m_notificationHour;            // "2026-11-29-12": the hour counted
    QHash<QString, int> m_notificationsSent; // per uid, in that hour
};

} // namespace studio
