#include "ResponseVerdict.h"

namespace studio {

QString ResponseVerdict::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Notification:
        return QStringLiteral("notification");
    case Kind::Silent:
        return QStringLiteral("silent");
    case Kind::Dropped:
        return QStringLiteral("dropped");
    case Kind::Ignored:
        return QStringLiteral("ignored");
    }
    return {};
}

} // namespace studio
