#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace studio {

// A timezone-aware instant as the app's datetimes carry it: a point in time, the UTC offset
// it was written with, to the microsecond (Python's datetime precision; QDateTime stops at
// milliseconds).
class IsoDateTime
{
public:
    IsoDateTime() = default;

    // Keeps the offset `dateTime` has at that instant (local time becomes its offset).
    static IsoDateTime fromDateTime(const QDateTime &dateTime);
    static IsoDateTime fromEpochMicros(qint64 epochMicros, int offsetSeconds);
    // ISO-8601 with a timezone: "2024-08-14T09:30:00+02:00", "...T07:30:00.5Z",
    // "2024-08-14 09:30:00.123456-04:00". A datetime without offset is refused: the app's
    // datetimes are timezone-aware, and a naive one is a different instant per reader.
    static std::optional<IsoDateTime> parse(QStringView text, QString *error = nullptr);

    bool isValid() const { return m_valid; }
    qint64 epochMicros() const { return m_epochMicros; }
    int offsetSeconds() const { return m_offsetSeconds; }
    QDateTime toDateTime() const; // millisecond precision, with the offset

    IsoDateTime addSeconds(double seconds) const;

    // Python's datetime.isoformat(), what the backend sends:
    // "2024-08-14T09:30:12.345678+02:00", the fraction left out when it is zero.
    QString toPythonIso() const;
    // Dart's DateTime.toIso8601String() of a local time, what the first phone app sent:
    // the wall-clock time with milliseconds and no offset at all, "2024-08-14T09:30:12.345".
    QString toDartLocalIso() const;

    bool operator==(const IsoDateTime &) const = default;

private:
    qint64 m_epochMicros = 0;
    int m_offsetSeconds = 0;
    bool m_valid = false;
};

} // namespace studio
