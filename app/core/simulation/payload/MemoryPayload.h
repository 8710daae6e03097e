#pragma once

#include "Memory.h"
#include "PayloadProfile.h"

#include <QByteArray>
#include <QStringList>

namespace studio {

// The memory_creation body, per profile.
//
// backend (default): exactly the contract's table, as the backend sent it from August 2024:
//   id, created_at, started_at, finished_at, source, language, structured {title, overview,
//   emoji, category, action_items [{description, completed}], events [{title, description,
//   start, duration, created}]}, transcript_segments [{text, speaker, speaker_id, is_user,
//   person_id, start, end}], geolocation {google_place_id, latitude, longitude, address,
//   location_type} | null, photos [{base64, description}], plugins_results [{plugin_id,
//   content}], external_data, discarded, deleted, visibility, processing_memory_id.
//   Every field is present, absent values are null, datetimes are Python isoformat() with
//   their offset ("2024-08-14T09:30:00+02:00"), the bytes are Python's json.dumps. Like the
//   backend, external_data is sent as null for memories whose source is "workflow".
//
// guide: the backend body PLUS what the plugin guide and docs showed but the backend never
//   sent, so a plugin written from the guide can be run against what it expects:
//   - "transcript": the plain-text transcript ("Speaker 0: ...\n\nUser: ..."), placed after
//     transcript_segments; the guide's webhook example tests memory.transcript;
//   - "plugins_response": a copy of plugins_results, placed after it;
//   - "speakerId" in every segment, next to speaker_id.
//   A plugin that works with `guide` but fails with `backend` depends on one of these.
//
// app-2024-07: the first phone app's body (Dart, camelCase), keys in its order:
//   createdAt, startedAt, finishedAt (local wall-clock time, NO offset, e.g.
//   "2024-07-10T14:03:12.000"), transcript (plain text as above), structured {title,
//   overview, emoji, category, actionItems [description strings], events [{title, startsAt,
//   duration, description, created}]}, pluginsResponse [{pluginId, content}], discarded,
//   transcriptSegments [{text, speaker, speaker_id, is_user, start, end}] (segments stayed
//   snake_case and had no person_id), photos [{base64, description}]. Compact UTF-8 bytes.
//   The phone app also sent its local database row id and a recording file path; neither
//   meant anything outside the phone and the studio leaves them out.
class MemoryPayload
{
public:
    static Json build(const Memory &memory, PayloadProfile profile = PayloadProfile::Backend);
    // The bytes on the wire (see WireJson) for the profile's sender.
    static QByteArray body(const Memory &memory, PayloadProfile profile = PayloadProfile::Backend);
    // A segment in the backend's shape, as in transcript_segments and transcript_processed.
    static Json segment(const TranscriptSegment &segment);
    // The top-level keys of the profile's body, in order.
    static QStringList fieldNames(PayloadProfile profile);
};

} // namespace studio
