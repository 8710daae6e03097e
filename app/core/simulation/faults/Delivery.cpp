#include "Delivery.h"

namespace studio {

QStringList Delivery::faultNames(int slowNetworkMs) const
{
    QStringList names;
    if (has(Duplicate))
        names << QStringLiteral("duplicate");
    if (has(Reordered))
        names << QStringLiteral("reordered");
    if (has(Burst))
        names << QStringLiteral("burst");
    if (has(Gap))
        names << QStringLiteral("gap");
    if (has(SlowNetwork))
        names << QStringLiteral("slow-network:%1").arg(slowNetworkMs);
    if (has(Restarted))
        names << QStringLiteral("restart");
    return names;
}

} // namespace studio
