#include "Diagnostic.h"

namespace studio {

std::string Diagnostic::entryLabel() const
{
    if (!entryId.empty())
        return entryId;
    if (entryIndex)
        return "#" + std::to_string(*entryIndex);
    return {};
}

} // namespace studio
