#include "SpeakerDirectory.h"

#include "TranscriptSegment.h"

namespace studio {

namespace {

QString folded(const QString &name)
{
    return name.simplified().toCaseFolded();
}

} // namespace

SpeakerDirectory::SpeakerDirectory(QString userSpeaker)
    : m_userSpeaker(folded(userSpeaker))
{}

int SpeakerDirectory::idFor(const QString &name)
{
    const QString key = folded(name);
    const auto it = m_ids.constFind(key);
    if (it != m_ids.constEnd())
        return *it;
    const auto id = static_cast<int>(m_names.size());
    m_ids.insert(key, id);
    m_names.append(name.simplified());
    return id;
}

bool SpeakerDirectory::isUser(const QString &name) const
{
    if (m_userSpeaker.isEmpty())
        return false;
    const QString key = folded(name);
    if (key == m_userSpeaker)
        return true;
    const auto it = m_ids.constFind(key);
    return it != m_ids.constEnd() && folded(TranscriptSegment::speakerLabel(*it)) == m_userSpeaker;
}

bool SpeakerDirectory::userFound() const
{
    if (m_userSpeaker.isEmpty())
        return false;
    for (const QString &name : m_names) {
        if (isUser(name))
            return true;
    }
    return false;
}

} // namespace studio
