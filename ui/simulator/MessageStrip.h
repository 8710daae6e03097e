#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QToolButton;

namespace studio {

// One line under the simulator's controls saying what went wrong (an unreachable URL, a
// transcript that does not load, a memory that is not valid) or what to know, in place of
// a dialog. A new message replaces the last; the user can close it. A message may offer one
// action (a button beside it) that fixes what it says.
class MessageStrip : public QFrame
{
    Q_OBJECT

public:
    enum class Level
    {
        Info,
        Warning,
        Error
    };

    explicit MessageStrip(QWidget *parent = nullptr);

    void show(Level level, const QString &message);
    // The button runs `action`, then the message closes.
    void showWithAction(Level level, const QString &message, const QString &actionText,
                        std::function<void()> action);
    void clear();
    QString message() const;
    Level level() const { return m_level; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QLabel *m_text;
    QToolButton *m_action;
    QToolButton *m_close;
    std::function<void()> m_onAction;
    Level m_level = Level::Info;
};

} // namespace studio
