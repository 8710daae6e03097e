#include "SubtitleTimestamp.h"

#include <QList>

#include <cmath>

namespace studio {

namespace {

std::optional<int> digits(QStringView text, qsizetype minLength, qsizetype maxLength)
{
    if (text.size() < minLength || text.size() > maxLength)
        return std::nullopt;
    int value = 0;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

} // namespace

std::optional<double> SubtitleTimestamp::parse(QStringView text, Style style)
{
    const qsizetype separator = style == Style::Srt ? std::max(text.lastIndexOf(QLatin1Char(',')),
                                                               text.lastIndexOf(QLatin1Char('.')))
                                                    : text.lastIndexOf(QLatin1Char('.'));
    if (separator < 0)
        return std::nullopt;
    const std::optional<int> millis = digits(text.mid(separator + 1), 3, 3);
    const QList<QStringView> parts = text.left(separator).split(QLatin1Char(':'));
    if (!millis || parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    if (style == Style::Srt && parts.size() != 3)
        return std::nullopt;

    std::optional<int> hours = 0;
    if (parts.size() == 3)
        hours = digits(parts[0], style == Style::Srt ? 1 : 2, 4);
    const std::optional<int> minutes = digits(parts[parts.size() - 2], 2, 2);
    const std::optional<int> seconds = digits(parts[parts.size() - 1], 2, 2);
    if (!hours || !minutes || !seconds || *minutes >= 60 || *seconds >= 60)
        return std::nullopt;
    return *hours * 3600.0 + *minutes * 60.0 + *seconds + *millis / 1000.0;
}

QString SubtitleTimestamp::expectedForm(Style style)
{
    return style == Style::Srt ? QStringLiteral("hh:mm:ss,mmm")
                               : QStringLiteral("hh:mm:ss.mmm or mm:ss.mmm");
}

QString SubtitleTimestamp::format(double seconds, Style style)
{
    const auto totalMillis = static_cast<qint64>(std::llround(std::max(0.0, seconds) * 1000.0));
    const qint64 millis = totalMillis % 1000;
    const qint64 totalSeconds = totalMillis / 1000;
    return QStringLiteral("%1:%2:%3%4%5")
        .arg(totalSeconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((totalSeconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(totalSeconds % 60, 2, 10, QLatin1Char('0'))
        .arg(style == Style::Srt ? QLatin1Char(',') : QLatin1Char('.'))
        .arg(millis, 3, 10, QLatin1Char('0'));
}

} // namespace studio
