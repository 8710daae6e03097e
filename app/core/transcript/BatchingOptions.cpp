#include "BatchingOptions.h"

#include <cmath>

namespace studio {

std::optional<BatchingOptions> BatchingOptions::parse(const QString &text, QString *error)
{
    const QString value = text.trimmed().toLower();
    if (value == QLatin1String("segment") || value == QLatin1String("per-segment"))
        return perSegment();

    QString number = value;
    double scale = 1.0;
    if (number.endsWith(QLatin1String("ms"))) {
        number.chop(2);
        scale = 0.001;
    } else if (number.endsWith(QLatin1Char('s'))) {
        number.chop(1);
    }
    bool ok = false;
    const double seconds = number.trimmed().toDouble(&ok) * scale;
    if (!ok || !std::isfinite(seconds) || seconds < kMinimumWindowSeconds) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a batching window: give a duration of at least "
                                    "1 ms (30, 30s, 1s, 500ms) or \"segment\"")
                         .arg(text);
        return std::nullopt;
    }
    return window(seconds);
}

QString BatchingOptions::describe() const
{
    if (mode == Mode::PerSegment)
        return QStringLiteral("one call per segment");
    if (windowSeconds < 1.0)
        return QStringLiteral("%1 ms windows").arg(windowSeconds * 1000.0);
    return QStringLiteral("%1 s windows").arg(windowSeconds);
}

} // namespace studio
