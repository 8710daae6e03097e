#pragma once

#include <QString>

namespace studio {

// How the run views write times and sizes, in one place so they agree.
namespace runformat {

// A point in the conversation: "0:07", "1:30", "1:02:05".
QString conversationTime(double seconds);
// "850 B", "12.4 KB", "10.0 MB" (1024-based, as the transfer limits are).
QString byteSize(qint64 bytes);
// "3 ms", "12.5 ms", "1.24 s"
QString duration(double milliseconds);
// "1 request", "8 requests": `singular` plus an s unless count is 1.
QString counted(qint64 count, const QString &singular);

} // namespace runformat
} // namespace studio
