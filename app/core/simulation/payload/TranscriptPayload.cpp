#include "TranscriptPayload.h"

#include "MemoryPayload.h"
#include "WireJson.h"

namespace studio {

Json TranscriptPayload::build(const QList<TranscriptSegment> &segments, const QString &sessionId)
{
    Json list = Json::array();
    for (const TranscriptSegment &segment : segments)
        list.push_back(MemoryPayload::segment(segment));
    Json body = Json::object();
    body["session_id"] = sessionId.toStdString();
    body["segments"] = std::move(list);
    return body;
}

QByteArray TranscriptPayload::body(const QList<TranscriptSegment> &segments,
                                   const QString &sessionId)
{
    return WireJson::python(build(segments, sessionId));
}

} // namespace studio
