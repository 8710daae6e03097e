#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

#include <map>
#include <vector>

class QAction;

namespace studio {

enum class ActionId
{
    NewPlugin,
    Open,
    OpenRepository,
    Save,
    SaveAll,
    SaveAs,
    ExportSubmission,
    Close,
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Find,
    Replace,
    FindNext,
    FindPrevious,
    NextProblem,
    PreviousProblem,
    ImportLogo,
    RevealInFileManager,
    CopyValidateCommand,
    CopySimulateCommand,
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
    KeyboardShortcuts,
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
    // The Tools page of the Simulate tab (an app's chat tools); its keys act only there.
    ToolsCall,
    ToolsReload,
    // The Load page of the Simulate tab; its key acts only there (Esc stops, as in the tab).
    LoadStart,
};

// Every action of the studio, created in one place with its text, standard shortcut and
// tip, so menus, tool bar and tests share the same objects and no shortcut is defined twice.
class ActionRegistry : public QObject
{
    Q_OBJECT

public:
    explicit ActionRegistry(QObject *parent = nullptr);

    QAction *action(ActionId id) const;
    // Every action in the order of the menus, with the menu or view it belongs to: the
    // source of the keyboard shortcuts list, so the list can never disagree with the keys.
    struct Listed
    {
        ActionId id;
        QString section;
    };
    const std::vector<Listed> &listing() const { return m_listing; }
    // Every window-wide shortcut, for widgets that must not claim them. Keys of actions that
    // act only inside one view (Qt::WidgetWithChildrenShortcut) are left out.
    QList<QKeySequence> shortcuts() const;

private:
    QAction *add(ActionId id, const QString &text, const QList<QKeySequence> &keys,
                 const QString &tip = {});

    std::map<ActionId, QAction *> m_actions;
    std::vector<Listed> m_listing;
    QString m_section; // the section actions being added belong to
};

} // namespace studio
