#pragma once

#include "json/JsonParser.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

// What FastAPI answers 422 with when a request's query or body does not validate: every
// problem found, in the words of pydantic v1.
//   {"detail":[{"loc":["body","text"],"msg":"field required","type":"value_error.missing"}]}
class RequestProblems
{
public:
    void add(Json loc, const std::string &msg, const std::string &type, Json ctx = nullptr);
    bool isEmpty() const { return m_detail.empty(); }
    const Json &detail() const { return m_detail; }
    QByteArray body() const; // {"detail":[...]}
    // The first problem in a line ("body.text: field required (and 1 more)").
    QString summary() const;

private:
    Json m_detail = Json::array();
};

// The query's parameters as Starlette reads them: '+' is a space, percent-decoded, the last
// value of a repeated name wins.
using QueryItems = QHash<QString, QString>;

struct GeolocationRequest
{
    std::optional<QString> googlePlaceId;
    double latitude = 0;
    double longitude = 0;
    std::optional<QString> address;
    std::optional<QString> locationType;
};

// ExternalIntegrationCreateConversation (models/conversation.py).
struct CreateConversationRequest
{
    std::optional<QDateTime> startedAt;
    std::optional<QDateTime> finishedAt;
    QString text;
    QString textSource = QStringLiteral("audio_transcript");
    std::optional<QString> textSourceSpec;
    std::optional<GeolocationRequest> geolocation;
    std::optional<QString> language;
};

struct ExplicitMemoryRequest
{
    QString content;
    QStringList tags;
};

// ExternalIntegrationCreateMemory (models/integrations.py).
struct CreateMemoriesRequest
{
    std::optional<QString> text;
    QString textSource = QStringLiteral("other");
    std::optional<QString> textSourceSpec;
    QList<ExplicitMemoryRequest> memories;
};

// limit, offset and include_discarded of the read endpoints.
struct ListRequest
{
    int limit = 100;
    int offset = 0;
    bool includeDiscarded = false;
};

// The integration endpoints' query and body checks, as FastAPI and pydantic v1 make them
// before a handler runs. Pure functions of untrusted bytes: each adds what it finds to
// `problems` and returns a value only when there was nothing to add.
class IntegrationRequests
{
public:
    static QueryItems query(const QByteArray &target);
    // A required str query parameter ("uid", "message").
    static std::optional<QString> required(const QueryItems &query, const QString &name,
                                           RequestProblems &problems);
    // limit (1..1000, default 100), offset (>= 0) and, when asked, include_discarded.
    static std::optional<ListRequest> list(const QueryItems &query, bool withDiscarded,
                                           RequestProblems &problems);
    // The body as FastAPI reads a model's: JSON when the Content-Type says JSON or is
    // absent; empty or null is a missing body; anything but an object is not a dict.
    static std::optional<Json> bodyObject(const QByteArray &contentType, const QByteArray &body,
                                          RequestProblems &problems);
    static std::optional<CreateConversationRequest> createConversation(const Json &body,
                                                                       RequestProblems &problems);
    static std::optional<CreateMemoriesRequest> createMemories(const Json &body,
                                                               RequestProblems &problems);
    // pydantic v1's datetime: ISO 8601 (a space or T between date and time, optional
    // seconds, fraction and offset; no offset is UTC here) or unix seconds (milliseconds
    // beyond 2e10). nullopt when it is not one.
    static std::optional<QDateTime> dateTime(const Json &value);
};

} // namespace studio
