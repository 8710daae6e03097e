#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

#include <map>

class QAction;

namespace studio {

enum class ActionId
{
    NewPlugin,
    Open,
    OpenRepository,
    Save,
    SaveAs,
    ExportSubmission,
    Close,
    Quit,
    Undo,
    Redo,
    Find,
    FindNext,
    FindPrevious,
    NextProblem,
    PreviousProblem,
    ImportLogo,
    ShowEntries,
    ShowProblems,
    ShowImage,
    ShowPreview,
    ShowIndexProblems,
    InlineMessages,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    ClearRecent,
    About,
    // The Simulate tab. Its run keys (Space, Esc) act only inside the tab.
    ShowSimulate,
    SimulateSend,
    SimulatePause,
    SimulateStep,
    SimulateStop,
    CheckSetup,
    BuiltInServer, // checkable: the built-in plugin server runs
    // The History page of the Simulate tab; its keys act only inside the page.
    HistoryRerun,
    HistoryExportHar,
    HistoryExportReport,
    HistoryExportJUnit,
    HistoryDelete,
    HistoryRefresh,
};

// Every action of the studio, created in one place with its text, standard shortcut and
// tip, so menus, tool bar and tests share the same objects and no shortcut is defined twice.
class ActionRegistry : public QObject
{
    Q_OBJECT

public:
    explicit ActionRegistry(QObject *parent = nullptr);

    QAction *action(ActionId id) const;
    // Every window-wide shortcut, for widgets that must not claim them. Keys of actions that
    // act only inside one view (Qt::WidgetWithChildrenShortcut) are left out.
    QList<QKeySequence> shortcuts() const;

private:
    QAction *add(ActionId id, const QString &text, const QList<QKeySequence> &keys,
                 const QString &tip = {});

    std::map<ActionId, QAction *> m_actions;
};

} // namespace studio
