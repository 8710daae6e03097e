#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace studio {

// Gives the speakers named in a subtitle file the app's diarization labels, in order of
// appearance: the first speaker is SPEAKER_00, the next SPEAKER_01 ... Names compare
// case-insensitively, so "ANA" and "Ana" are one speaker. The empty name stands for cues
// that name nobody before any speaker was named.
class SpeakerDirectory
{
public:
    explicit SpeakerDirectory(QString userSpeaker = {});

    int idFor(const QString &name);
    // True when `name` (or its label SPEAKER_NN) is the speaker the caller chose as the user.
    bool isUser(const QString &name) const;
    bool userFound() const;
    QStringList names() const { return m_names; } // in order of appearance

private:
    QString m_userSpeaker;
    QStringList m_names;
    QHash<QString, int> m_ids; // folded name -> id
};

} // namespace studio
