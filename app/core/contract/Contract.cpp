#include "Contract.h"

#include "apps2026/Apps2026Contract.h"
#include "plugins2024/Plugins2024Contract.h"

namespace studio {

const Contract &Contract::plugins2024()
{
    static const Plugins2024Contract contract;
    return contract;
}

const Contract &Contract::apps2026()
{
    static const Apps2026Contract contract;
    return contract;
}

QList<const Contract *> Contract::all()
{
    return {&plugins2024(), &apps2026()};
}

const Contract *Contract::named(std::string_view name)
{
    for (const Contract *contract : all())
        if (contract->name() == name)
            return contract;
    return nullptr;
}

QString Contract::names()
{
    QStringList names;
    for (const Contract *contract : all())
        names << QString::fromUtf8(contract->name().data(), qsizetype(contract->name().size()));
    return names.join(QLatin1Char('|'));
}

bool Contract::declares(std::string_view pointer) const
{
    constexpr std::string_view kIntegration = "/external_integration/";
    std::span<const manifest_schema::Field> level = fields();
    if (pointer.starts_with(kIntegration)) {
        level = integrationFields();
        pointer.remove_prefix(kIntegration.size());
    } else if (pointer.starts_with('/')) {
        pointer.remove_prefix(1);
    } else {
        return false;
    }
    const manifest_schema::Field *field = manifest_schema::findField(level, pointer);
    return field && field->role == manifest_schema::FieldRole::Contract;
}

std::span<const manifest_schema::Choice> Contract::choices(std::string_view pointer) const
{
    if (pointer == "/external_integration/triggers_on")
        return triggerChoices();
    return {};
}

const Contract &Contract::detect(const Json &root)
{
    // The most specific contract first: an app says so with its category.
    for (const Contract *contract : all())
        if (contract != &plugins2024() && contract->recognises(root))
            return *contract;
    return plugins2024();
}

const Contract &Contract::detect(const JsonParseResult &parsed)
{
    return parsed.ok() ? detect(parsed.value) : plugins2024();
}

} // namespace studio
