#include "RunFormat.h"

#include <cmath>

namespace studio::runformat {

QString conversationTime(double seconds)
{
    const qint64 total = qint64(std::floor(std::max(0.0, seconds)));
    const qint64 hours = total / 3600;
    const qint64 minutes = (total / 60) % 60;
    const qint64 rest = total % 60;
    const QChar zero(u'0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, zero)
            .arg(rest, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, zero);
}

QString byteSize(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QString duration(double milliseconds)
{
    if (milliseconds >= 1000)
        return QStringLiteral("%1 s").arg(milliseconds / 1000.0, 0, 'f', 2);
    if (milliseconds >= 10)
        return QStringLiteral("%1 ms").arg(qRound(milliseconds));
    return QStringLiteral("%1 ms").arg(milliseconds, 0, 'f', 1);
}

QString counted(qint64 count, const QString &singular)
{
    return QStringLiteral("%1 %2%3").arg(count).arg(singular,
                                                    count == 1 ? QString() : QStringLiteral("s"));
}

} // namespace studio::runformat
