#include "DiskBaseline.h"

#include <utility>

namespace studio {

void DiskBaseline::clear()
{
    m_text.reset();
    m_missing = false;
}

void DiskBaseline::set(std::string text)
{
    m_text = std::move(text);
    m_missing = false;
}

const std::string &DiskBaseline::text() const
{
    static const std::string none;
    return m_text ? *m_text : none;
}

DiskBaseline::Change DiskBaseline::compare(const std::optional<std::string> &disk)
{
    if (!m_text)
        return Change::None;
    if (!disk) {
        if (m_missing)
            return Change::None;
        m_missing = true;
        return Change::Deleted;
    }
    const bool wasMissing = std::exchange(m_missing, false);
    if (*disk != *m_text)
        return Change::Changed;
    return wasMissing ? Change::Restored : Change::None;
}

} // namespace studio
