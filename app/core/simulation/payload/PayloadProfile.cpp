#include "PayloadProfile.h"

namespace studio {

QList<PayloadProfile> PayloadProfiles::all()
{
    return {PayloadProfile::Backend, PayloadProfile::Guide, PayloadProfile::App202407};
}

QString PayloadProfiles::name(PayloadProfile profile)
{
    switch (profile) {
    case PayloadProfile::Backend:
        return QStringLiteral("backend");
    case PayloadProfile::Guide:
        return QStringLiteral("guide");
    case PayloadProfile::App202407:
        return QStringLiteral("app-2024-07");
    }
    return {};
}

std::optional<PayloadProfile> PayloadProfiles::fromName(const QString &name)
{
    const QString wanted = name.trimmed().toLower();
    for (PayloadProfile profile : all()) {
        if (PayloadProfiles::name(profile) == wanted)
            return profile;
    }
    return std::nullopt;
}

QString PayloadProfiles::summary(PayloadProfile profile)
{
    switch (profile) {
    case PayloadProfile::Backend:
        return QStringLiteral("what the app's backend sends (August 2024 on): snake_case, every "
                              "field, nulls included");
    case PayloadProfile::Guide:
        return QStringLiteral("the backend body plus the fields the plugin guide showed but the "
                              "backend never sent (transcript, plugins_response, speakerId)");
    case PayloadProfile::App202407:
        return QStringLiteral("the first phone app's camelCase body (July 2024), local times "
                              "without an offset");
    }
    return {};
}

} // namespace studio
