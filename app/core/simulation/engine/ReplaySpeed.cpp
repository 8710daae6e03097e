#include "ReplaySpeed.h"

namespace studio {

QString ReplaySpeed::describe() const
{
    if (isFast())
        return QStringLiteral("as fast as possible");
    if (factor == 1.0)
        return QStringLiteral("real time");
    return QStringLiteral("%1x").arg(factor);
}

std::optional<ReplaySpeed> ReplaySpeed::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed().toLower();
    if (trimmed == u"fast")
        return fast();
    QString number = trimmed;
    if (number.endsWith(u'x'))
        number.chop(1);
    bool ok = false;
    const double factor = number.toDouble(&ok);
    if (!ok || !(factor >= kMinimumFactor && factor <= kMaximumFactor)) {
        if (error)
            *error = QStringLiteral("'%1' is not a speed factor: give a number from %2 to %3 "
                                    "(1 is real time), or 'fast'")
                         .arg(text)
                         .arg(kMinimumFactor)
                         .arg(kMaximumFactor);
        return std::nullopt;
    }
    return times(factor);
}

} // namespace studio
