#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace studio {

// The memory_creation body shapes plugin authors wrote code against (see MemoryPayload).
enum class PayloadProfile
{
    Backend,
    Guide,
    App202407
};

class PayloadProfiles
{
public:
    static QList<PayloadProfile> all();
    static QString name(PayloadProfile profile); // "backend", "guide", "app-2024-07"
    static std::optional<PayloadProfile> fromName(const QString &name);
    static QString summary(PayloadProfile profile); // one line for menus and --help
};

} // namespace studio
