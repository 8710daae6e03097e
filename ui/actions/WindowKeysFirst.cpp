#include "WindowKeysFirst.h"

#include "ActionRegistry.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QWidget>

namespace studio {

WindowKeysFirst::WindowKeysFirst(const ActionRegistry &actions, QWidget *window)
    : QObject(window)
    , m_actions(&actions)
    , m_window(window)
{
    for (const auto key : {QKeySequence::Undo, QKeySequence::Redo, QKeySequence::Cut,
                           QKeySequence::Copy, QKeySequence::Paste, QKeySequence::SelectAll})
        m_editingKeys << QKeySequence::keyBindings(key);
    m_editingKeys << QKeySequence(Qt::CTRL | Qt::Key_Y)
                  << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    // Only an application-wide filter runs before the field's own claim on the key.
    QCoreApplication::instance()->installEventFilter(this);
}

WindowKeysFirst::~WindowKeysFirst()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

bool WindowKeysFirst::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !m_window || !m_actions ||
        !watched->isWidgetType())
        return false;
    const auto *widget = static_cast<QWidget *>(watched);
    if (widget->window() != m_window)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (!isWindowKey(*key))
        return false;
    // Not claimed: the shortcut map hands the key to the action.
    key->ignore();
    return true;
}

bool WindowKeysFirst::isWindowKey(const QKeyEvent &event) const
{
    const QKeySequence pressed(
        QKeyCombination(event.modifiers() & ~Qt::KeypadModifier, Qt::Key(event.key())));
    if (m_editingKeys.contains(pressed))
        return false;
    for (const auto &listed : m_actions->listing()) {
        const QAction *action = m_actions->action(listed.id);
        if (action->shortcutContext() == Qt::WindowShortcut && action->isEnabled() &&
            action->shortcuts().contains(pressed))
            return true;
    }
    return false;
}

} // namespace studio
