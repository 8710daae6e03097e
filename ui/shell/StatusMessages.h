#pragma once

#include <QObject>
#include <QString>

#include <vector>

class QLabel;
class QStatusBar;

namespace studio {

// The status bar's messages, each tied to what it says: a message about a state (a file
// deleted on disk, autosave failing, a problem being looked at) stays until its cause is
// cleared or says something new; a notice about something done goes after a while. The
// newest message shows; when it goes, the one before it shows again if its cause remains.
// Kept in a label of its own, so menu tips hovering over it hide it only for a moment.
class StatusMessages : public QObject
{
    Q_OBJECT

public:
    static constexpr int kNoticeMs = 6000;

    explicit StatusMessages(QStatusBar *bar);

    // Shows `text` for `milliseconds`.
    void notice(const QString &text, int milliseconds = kNoticeMs);
    // Shows `text` about `cause` until clear(cause); a cause shown again is updated.
    void show(const QString &cause, const QString &text);
    void clear(const QString &cause);

    bool has(const QString &cause) const;
    QString text(const QString &cause) const;
    // What the bar shows now ("" when nothing).
    QString currentText() const;

private:
    struct Message
    {
        QString cause;
        QString text;
    };

    void refresh();

    QLabel *m_label;
    std::vector<Message> m_messages; // oldest first
    quint64 m_notices = 0;
};

} // namespace studio
