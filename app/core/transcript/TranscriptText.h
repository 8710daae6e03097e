#pragma once

#include "TranscriptSegment.h"

#include <QList>
#include <QString>

namespace studio {

// The transcript as one plain-text string, the way the app itself renders it:
//   "Speaker 0: Hi there.\n\nUser: Hello!"
// "User" for the wearer's segments, "Speaker <speaker_id>" for the others, one paragraph
// per segment. This is the `transcript` string the plugin guide's examples read.
class TranscriptText
{
public:
    static QString plain(const QList<TranscriptSegment> &segments);
};

} // namespace studio
