#include "IntegrationState.h"

#include <QMutexLocker>
#include <QUuid>

namespace studio {

namespace {

// The backend's ConversationItem encoder: UTC with a Z, microseconds when there are any.
std::string zulu(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    QString text = utc.toString(u"yyyy-MM-ddTHH:mm:ss");
    if (const int ms = utc.time().msec(); ms != 0)
        text += QStringLiteral(".%1000").arg(ms, 3, 10, QLatin1Char('0'));
    return QString(text + u'Z').toStdString();
}

// FastAPI's encoder for MemoryDB's aware datetimes: an explicit +00:00.
std::string isoOffset(const QDateTime &when)
{
    std::string text = zulu(when);
    text.pop_back();
    return text + "+00:00";
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

template <typename Item, typename Write>
Json newestFirst(const std::deque<Item> &items, const ListRequest &list, Write write)
{
    Json page = Json::array();
    const qsizetype total = qsizetype(items.size());
    for (qsizetype i = total - 1 - list.offset; i >= 0 && qsizetype(page.size()) < list.limit;
         --i)
        page.push_back(write(items[std::size_t(i)]));
    return page;
}

} // namespace

QString IntegrationState::titleOf(const QString &text)
{
    constexpr int kWords = 8;
    const QString firstLine = text.trimmed().section(u'\n', 0, 0).simplified();
    const QStringList words = firstLine.split(u' ', Qt::SkipEmptyParts);
    if (words.size() <= kWords)
        return firstLine;
    return words.first(kWords).join(u' ') + QStringLiteral("...");
}

EmulatedConversation IntegrationState::addConversation(const CreateConversationRequest &request,
                                                       const QString &appId,
                                                       const QDateTime &now)
{
    Conversation conversation;
    EmulatedConversation &shown = conversation.shown;
    shown.id = newId();
    shown.title = titleOf(request.text);
    shown.overview = request.text;
    shown.text = request.text;
    // The backend's defaults: now, and five minutes after the start.
    shown.startedAt = request.startedAt.value_or(now).toUTC();
    shown.finishedAt = request.finishedAt.value_or(shown.startedAt.addSecs(300)).toUTC();
    shown.language = request.language.value_or(QString());
    if (shown.language.isEmpty())
        shown.language = QStringLiteral("en");
    shown.textSource = request.textSource;
    conversation.createdAt = now.toUTC();
    conversation.appId = appId;
    conversation.textSourceSpec = request.textSourceSpec;
    conversation.geolocation = request.geolocation;

    QMutexLocker lock(&m_mutex);
    m_conversations.push_back(conversation);
    while (m_conversations.size() > std::size_t(kMaxConversations))
        m_conversations.pop_front();
    return shown;
}

QList<EmulatedMemory> IntegrationState::addMemories(const CreateMemoriesRequest &request,
                                                    const QString &uid, const QString &appId,
                                                    const QDateTime &now)
{
    QList<EmulatedMemory> created;
    if (!request.memories.isEmpty()) {
        for (const ExplicitMemoryRequest &memory : request.memories)
            created.append({newId(), memory.content, memory.tags});
    } else if (request.text && !request.text->trimmed().isEmpty()) {
        created.append({newId(), request.text->trimmed(), {}});
    }
    QMutexLocker lock(&m_mutex);
    for (const EmulatedMemory &memory : created)
        m_memories.push_back({memory, uid, appId, now.toUTC()});
    while (m_memories.size() > std::size_t(kMaxMemories))
        m_memories.pop_front();
    return created;
}

Json IntegrationState::conversations(const ListRequest &list) const
{
    QMutexLocker lock(&m_mutex);
    // None are discarded here, so include_discarded changes nothing.
    return newestFirst(m_conversations, list, [](const Conversation &conversation) {
        const EmulatedConversation &shown = conversation.shown;
        Json item = {
            {"id", shown.id.toStdString()},
            {"created_at", zulu(conversation.createdAt)},
            {"started_at", zulu(shown.startedAt)},
            {"finished_at", zulu(shown.finishedAt)},
            {"source", "external_integration"},
            {"structured",
             {{"title", shown.title.toStdString()},
              {"overview", shown.overview.toStdString()},
              {"emoji", "\xF0\x9F\xA7\xA0"},
              {"category", "other"},
              {"action_items", Json::array()},
              {"events", Json::array()}}},
            {"transcript_segments", Json::array()},
            {"discarded", false},
            {"app_id", conversation.appId.toStdString()},
            {"language", shown.language.toStdString()},
        };
        Json external = {{"text", shown.text.toStdString()},
                         {"text_source", shown.textSource.toStdString()}};
        if (conversation.textSourceSpec)
            external["text_source_spec"] = conversation.textSourceSpec->toStdString();
        item["external_data"] = external;
        if (const auto &geo = conversation.geolocation) {
            Json place = {{"latitude", geo->latitude}, {"longitude", geo->longitude}};
            if (geo->googlePlaceId)
                place["google_place_id"] = geo->googlePlaceId->toStdString();
            if (geo->address)
                place["address"] = geo->address->toStdString();
            if (geo->locationType)
                place["location_type"] = geo->locationType->toStdString();
            item["geolocation"] = place;
        }
        item["status"] = "completed";
        return item;
    });
}

Json IntegrationState::memories(const ListRequest &list) const
{
    QMutexLocker lock(&m_mutex);
    return newestFirst(m_memories, list, [](const Memory &memory) {
        Json tags = Json::array();
        for (const QString &tag : memory.shown.tags)
            tags.push_back(tag.toStdString());
        return Json{
            {"content", memory.shown.content.toStdString()},
            {"category", "system"},
            {"visibility", "public"},
            {"tags", tags},
            {"id", memory.shown.id.toStdString()},
            {"uid", memory.uid.toStdString()},
            {"created_at", isoOffset(memory.createdAt)},
            {"updated_at", isoOffset(memory.createdAt)},
            {"reviewed", false},
            {"manually_added", false},
            {"edited", false},
            {"app_id", memory.appId.toStdString()},
            {"is_locked", false},
            {"kg_extracted", false},
        };
    });
}

IntegrationState::Quota IntegrationState::takeNotification(const QString &uid,
                                                           const QDateTime &now)
{
    const QDateTime utc = now.toUTC();
    const QString hour = utc.toString(u"yyyy-MM-dd-HH");
    Quota quota;
    quota.resetSeconds = 3600 - int(utc.toSecsSinceEpoch() % 3600);
    QMutexLocker lock(&m_mutex);
    if (hour != m_notificationHour) {
        m_notificationHour = hour;
        m_notificationsSent.clear();
    }
    int &sent = m_notificationsSent[uid];
    quota.allowed = sent < kNotificationsPerHour;
    if (quota.allowed)
        ++sent;
    quota.remaining = kNotificationsPerHour - sent;
    return quota;
}

QList<EmulatedConversation> IntegrationState::conversationList() const
{
    QMutexLocker lock(&m_mutex);
    QList<EmulatedConversation> list;
    list.reserve(qsizetype(m_conversations.size()));
    for (const Conversation &conversation : m_conversations)
        list.append(conversation.shown);
    return list;
}

QList<EmulatedMemory> IntegrationState::memoryList() const
{
    QMutexLocker lock(&m_mutex);
    QList<EmulatedMemory> list;
    list.reserve(qsizetype(m_memories.size()));
    for (const Memory &memory : m_memories)
        list.append(memory.shown);
    return list;
}

} // namespace studio
