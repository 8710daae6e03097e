#include "FaultPlan.h"

#include <QStringList>

#include <cmath>

namespace studio {

namespace {

const QString kKnown = QStringLiteral(
    "duplicate:P, reorder:P, gap:P (P from 0 to 1), burst, restart, slow-network:MS");

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

std::optional<double> probability(QStringView value)
{
    bool ok = false;
    const double p = value.toDouble(&ok);
    if (!ok || !std::isfinite(p) || p < 0 || p > 1)
        return std::nullopt;
    return p;
}

} // namespace

bool FaultPlan::any() const
{
    return duplicate > 0 || reorder > 0 || gap > 0 || burst || slowNetworkMs > 0 || restart;
}

QString FaultPlan::spec() const
{
    QStringList items;
    if (duplicate > 0)
        items << QStringLiteral("duplicate:") + number(duplicate);
    if (reorder > 0)
        items << QStringLiteral("reorder:") + number(reorder);
    if (burst)
        items << QStringLiteral("burst");
    if (gap > 0)
        items << QStringLiteral("gap:") + number(gap);
    if (slowNetworkMs > 0)
        items << QStringLiteral("slow-network:%1").arg(slowNetworkMs);
    if (restart)
        items << QStringLiteral("restart");
    return items.join(u',');
}

ParsedFaults FaultPlan::parse(QStringView text)
{
    FaultPlan plan;
    QStringList seen;
    const QList<QStringView> items = text.split(u',');
    for (qsizetype at = 0; at < items.size(); ++at) {
        const QStringView item = items.at(at).trimmed();
        const auto fail = [&](const QString &why) {
            return ParsedFaults{std::nullopt, QStringLiteral("item %1 '%2': %3")
                                            .arg(at + 1)
                                            .arg(item.toString(), why)};
        };
        if (item.isEmpty())
            return fail(QStringLiteral("empty; faults are separated by single commas (%1)")
                            .arg(kKnown));
        const qsizetype colon = item.indexOf(u':');
        const QStringView name = colon < 0 ? item : item.left(colon);
        const std::optional<QStringView> value =
            colon < 0 ? std::nullopt : std::optional<QStringView>(item.mid(colon + 1));
        if (seen.contains(name.toString()))
            return fail(QStringLiteral("'%1' is given twice").arg(name.toString()));
        seen << name.toString();

        if (name == u"duplicate" || name == u"reorder" || name == u"gap") {
            const std::optional<double> p = value ? probability(*value) : std::nullopt;
            if (!p)
                return fail(QStringLiteral("needs a probability from 0 to 1, as %1:0.1")
                                .arg(name.toString()));
            (name == u"duplicate" ? plan.duplicate : name == u"reorder" ? plan.reorder : plan.gap) =
                *p;
        } else if (name == u"burst" || name == u"restart") {
            if (value)
                return fail(QStringLiteral("takes no value"));
            (name == u"burst" ? plan.burst : plan.restart) = true;
        } else if (name == u"slow-network") {
            bool ok = false;
            const int ms = value ? value->toInt(&ok) : 0;
            if (!ok || ms < 0 || ms > kMaxSlowNetworkMs)
                return fail(QStringLiteral("needs whole milliseconds from 0 to %1, as "
                                           "slow-network:200")
                                .arg(kMaxSlowNetworkMs));
            plan.slowNetworkMs = ms;
        } else {
            return fail(QStringLiteral("unknown fault; known: %1").arg(kKnown));
        }
    }
    return ParsedFaults{plan, QString()};
}

} // namespace studio
