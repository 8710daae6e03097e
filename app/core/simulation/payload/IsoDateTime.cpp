#include "IsoDateTime.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace studio {

namespace {

constexpr qint64 kMicrosPerSecond = 1'000'000;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    qint64 quotient = value / divisor;
    if ((value % divisor != 0) && ((value < 0) != (divisor < 0)))
        --quotient;
    return quotient;
}

QString offsetText(int offsetSeconds)
{
    const QChar sign = offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int magnitude = std::abs(offsetSeconds);
    QString text = QStringLiteral("%1%2:%3")
                       .arg(sign)
                       .arg(magnitude / 3600, 2, 10, QLatin1Char('0'))
                       .arg((magnitude / 60) % 60, 2, 10, QLatin1Char('0'));
    if (magnitude % 60 != 0)
        text += QStringLiteral(":%1").arg(magnitude % 60, 2, 10, QLatin1Char('0'));
    return text;
}

} // namespace

IsoDateTime IsoDateTime::fromEpochMicros(qint64 epochMicros, int offsetSeconds)
{
    IsoDateTime result;
    result.m_epochMicros = epochMicros;
    result.m_offsetSeconds = offsetSeconds;
    result.m_valid = true;
    return result;
}

IsoDateTime IsoDateTime::fromDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return fromEpochMicros(dateTime.toMSecsSinceEpoch() * 1000, dateTime.offsetFromUtc());
}

std::optional<IsoDateTime> IsoDateTime::parse(QStringView text, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
        "(Z|z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)?$"));
    const auto refuse = [&](const QString &why) -> std::optional<IsoDateTime> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QRegularExpressionMatch match = pattern.match(text.toString());
    if (!match.hasMatch())
        return refuse(QStringLiteral("\"%1\" is not an ISO-8601 datetime such as "
                                     "2024-08-14T09:30:00+00:00")
                          .arg(text));
    if (!match.hasCaptured(8))
        return refuse(QStringLiteral("\"%1\" has no timezone offset: the app sends timezone-aware "
                                     "datetimes such as 2024-08-14T09:30:00+00:00")
                          .arg(text));

    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                     match.captured(3).toInt());
    const int hour = match.captured(4).toInt();
    const int minute = match.captured(5).toInt();
    const int second = match.hasCaptured(6) ? match.captured(6).toInt() : 0;
    if (!date.isValid() || hour > 23 || minute > 59 || second > 59)
        return refuse(QStringLiteral("\"%1\" is not a valid date and time").arg(text));

    QString fraction = match.captured(7);
    fraction = fraction.left(6).leftJustified(6, QLatin1Char('0'));
    const qint64 micros = fraction.toLongLong();

    int offset = 0;
    const QString zone = match.captured(8);
    if (zone != QLatin1String("Z") && zone != QLatin1String("z")) {
        const QString digits = zone.mid(1).remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() >= 4 ? digits.mid(2, 2).toInt() : 0;
        const int seconds = digits.size() >= 6 ? digits.mid(4, 2).toInt() : 0;
        if (hours > 23 || minutes > 59 || seconds > 59)
            return refuse(QStringLiteral("\"%1\" has an invalid timezone offset").arg(text));
        offset =
            (hours * 3600 + minutes * 60 + seconds) * (zone.front() == QLatin1Char('-') ? -1 : 1);
    }

    const QDateTime wallClock(date, QTime(hour, minute, second), QTimeZone(offset));
    return fromEpochMicros(wallClock.toMSecsSinceEpoch() * 1000 + micros, offset);
}

QDateTime IsoDateTime::toDateTime() const
{
    if (!m_valid)
        return {};
    return QDateTime::fromMSecsSinceEpoch(floorDiv(m_epochMicros, 1000),
                                          QTimeZone(m_offsetSeconds));
}

IsoDateTime IsoDateTime::addSeconds(double seconds) const
{
    if (!m_valid)
        return {};
    return fromEpochMicros(m_epochMicros + static_cast<qint64>(std::llround(seconds * 1e6)),
                           m_offsetSeconds);
}

QString IsoDateTime::toPythonIso() const
{
    if (!m_valid)
        return {};
    const qint64 wallMicros = m_epochMicros + qint64(m_offsetSeconds) * kMicrosPerSecond;
    const qint64 wallSeconds = floorDiv(wallMicros, kMicrosPerSecond);
    const qint64 micros = wallMicros - wallSeconds * kMicrosPerSecond;
    const QDateTime wall = QDateTime::fromSecsSinceEpoch(wallSeconds, QTimeZone::utc());
    QString text = wall.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (micros != 0)
        text += QStringLiteral(".%1").arg(micros, 6, 10, QLatin1Char('0'));
    return text + offsetText(m_offsetSeconds);
}

QString IsoDateTime::toDartLocalIso() const
{
    if (!m_valid)
        return {};
    const qint64 wallMicros = m_epochMicros + qint64(m_offsetSeconds) * kMicrosPerSecond;
    const qint64 wallSeconds = floorDiv(wallMicros, kMicrosPerSecond);
    const qint64 micros = wallMicros - wallSeconds * kMicrosPerSecond;
    const QDateTime wall = QDateTime::fromSecsSinceEpoch(wallSeconds, QTimeZone::utc());
    QString text = wall.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
                   QStringLiteral(".%1").arg(micros / 1000, 3, 10, QLatin1Char('0'));
    if (micros % 1000 != 0)
        text += QStringLiteral("%1").arg(micros % 1000, 3, 10, QLatin1Char('0'));
    return text;
}

} // namespace studio
