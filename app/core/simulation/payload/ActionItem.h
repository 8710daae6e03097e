#pragma once

#include <QString>

namespace studio {

// structured.action_items[]: something a speaker committed to.
struct ActionItem
{
    QString description;
    bool completed = false;
    bool operator==(const ActionItem &) const = default;
};

} // namespace studio
