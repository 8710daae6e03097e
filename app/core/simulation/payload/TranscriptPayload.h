#pragma once

#include "json/JsonParser.h"
#include "transcript/TranscriptSegment.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace studio {

// The transcript_processed body: {"session_id": ..., "segments": [...]}, the segments in
// the memory's segment shape and only those new since the previous call. The backend sets
// session_id to the user's uid; the first app version used a per-conversation id, which is
// why it is a parameter (callers default it to the uid).
class TranscriptPayload
{
public:
    static Json build(const QList<TranscriptSegment> &segments, const QString &sessionId);
    static QByteArray body(const QList<TranscriptSegment> &segments, const QString &sessionId);
};

} // namespace studio
