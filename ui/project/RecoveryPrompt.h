#pragma once

#include <QDateTime>
#include <QString>

class QWidget;

namespace studio {

// After a crash: asks whether to bring back the unsaved edits a studio left behind.
class RecoveryPrompt
{
public:
    enum class Choice
    {
        Restore,
        Discard,
        NotNow, // keep the record and ask again next time
    };

    // `what` names the edits ("meeting-notes in community-plugins.json"); `objectName`
    // lets tests find the message box.
    static Choice ask(QWidget *parent, const char *objectName, const QString &title,
                      const QString &what, const QDateTime &savedAt);
};

} // namespace studio
