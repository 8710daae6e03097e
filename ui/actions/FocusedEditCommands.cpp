#include "FocusedEditCommands.h"

#include "ActionRegistry.h"

#include <QAction>
#include <QApplication>
#include <QMetaObject>
#include <QWidget>

namespace studio {

namespace {

struct Command
{
    ActionId id;
    const char *slot;      // its name, for invokeMethod
    const char *signature; // as the meta-object lists it
    bool changesText;
};

constexpr Command kCommands[] = {{ActionId::Cut, "cut", "cut()", true},
                                 {ActionId::Copy, "copy", "copy()", false},
                                 {ActionId::Paste, "paste", "paste()", true}};

bool offers(const QWidget *widget, const Command &command)
{
    if (!widget || widget->metaObject()->indexOfMethod(command.signature) < 0)
        return false;
    return !command.changesText || !widget->property("readOnly").toBool();
}

} // namespace

FocusedEditCommands::FocusedEditCommands(ActionRegistry &actions, QWidget *window)
    : QObject(window)
    , m_actions(&actions)
{
    for (const Command &command : kCommands) {
        connect(actions.action(command.id), &QAction::triggered, this, [command] {
            QWidget *focus = QApplication::focusWidget();
            if (offers(focus, command))
                QMetaObject::invokeMethod(focus, command.slot);
        });
    }
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { update(now); });
    update(QApplication::focusWidget());
}

void FocusedEditCommands::update(QWidget *focus)
{
    if (!m_actions)
        return;
    for (const Command &command : kCommands)
        m_actions->action(command.id)->setEnabled(offers(focus, command));
}

} // namespace studio
