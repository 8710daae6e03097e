#pragma once

#include "json/JsonParser.h"
#include "simulation/payload/Memory.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace studio {

// What today's backend sends (CONTRACT-2026.md, section 2): the Conversation for
// memory_creation, {"session_id", "segments"} for transcript_processed, both as compact UTF-8
// JSON (the bytes a signature covers). A segment carries its id and translations; the
// conversation adds updated_at, audio_files, apps_results (beside plugins_results), app_id,
// starred, status, is_locked, folder_id and structured.sections. Ids the memory does not
// carry are derived from it, so the same memory always sends the same bytes.
class ConversationPayload
{
public:
    static Json conversation(const Memory &memory);
    static Json segment(const TranscriptSegment &segment, const QString &idSeed);
    static Json transcript(const QList<TranscriptSegment> &segments, const QString &sessionId);

    static QByteArray bytes(const Json &body); // compact, UTF-8 unescaped
};

} // namespace studio
