#include "ActionRegistry.h"

#include <QAction>
#include <QActionGroup>

namespace studio {

ActionRegistry::ActionRegistry(QObject *parent)
    : QObject(parent)
{
    using Keys = QList<QKeySequence>;
    const auto ctrl = [](Qt::Key key) { return QKeySequence(Qt::CTRL | key); };

    m_section = tr("File");
    add(ActionId::NewPlugin, tr("&New Plugin..."), QKeySequence::keyBindings(QKeySequence::New),
        tr("Start a plugin from the template"));
    add(ActionId::Open, tr("&Open..."), QKeySequence::keyBindings(QKeySequence::Open),
        tr("Open a manifest file or a community-plugins.json"));
    add(ActionId::OpenRepository, tr("Open &Repository..."),
        Keys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
        tr("Open a plugin repository folder"));
    add(ActionId::Save, tr("&Save"), QKeySequence::keyBindings(QKeySequence::Save),
        tr("Save the plugin: the manifest (inside an index, only its entry changes) and its "
           "setup instructions"));
    // Ctrl+Shift+S is Save As on most desktops.
    add(ActionId::SaveAll, tr("Save A&ll"), Keys{QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)},
        tr("Save every changed file of the plugin"));
    add(ActionId::SaveAs, tr("Save &As..."), QKeySequence::keyBindings(QKeySequence::SaveAs),
        tr("Save the manifest as a separate file"));
    add(ActionId::ExportSubmission, tr("&Export Submission..."), Keys{ctrl(Qt::Key_E)},
        tr("The exact JSON of the entry and the change it makes to the index"));
    add(ActionId::Close, tr("&Close"), QKeySequence::keyBindings(QKeySequence::Close));
    add(ActionId::Quit, tr("&Quit"), QKeySequence::keyBindings(QKeySequence::Quit))
        ->setMenuRole(QAction::QuitRole);
    add(ActionId::ClearRecent, tr("&Clear Recent"), {});

    m_section = tr("Edit");
    add(ActionId::Undo, tr("&Undo"), QKeySequence::keyBindings(QKeySequence::Undo));
    Keys redo = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), ctrl(Qt::Key_Y)}) {
        if (!redo.contains(key))
            redo << key;
    }
    add(ActionId::Redo, tr("&Redo"), redo);
    // The menu names the step ("Undo Edit name"); the tool bar keeps a steady short label.
    action(ActionId::Undo)->setIconText(tr("Undo"));
    action(ActionId::Redo)->setIconText(tr("Redo"));
    add(ActionId::Cut, tr("Cu&t"), QKeySequence::keyBindings(QKeySequence::Cut));
    add(ActionId::Copy, tr("&Copy"), QKeySequence::keyBindings(QKeySequence::Copy));
    add(ActionId::Paste, tr("&Paste"), QKeySequence::keyBindings(QKeySequence::Paste));
    add(ActionId::Find, tr("&Find..."), QKeySequence::keyBindings(QKeySequence::Find));
    add(ActionId::FindNext, tr("Find &Next"), QKeySequence::keyBindings(QKeySequence::FindNext));
    add(ActionId::FindPrevious, tr("Find Pre&vious"),
        QKeySequence::keyBindings(QKeySequence::FindPrevious));
    // Ctrl+H as most editors have it; the platform's Replace key differs between desktops.
    add(ActionId::Replace, tr("R&eplace..."), Keys{ctrl(Qt::Key_H)},
        tr("Replace matches in the JSON text, one at a time or all in one undoable step"));

    m_section = tr("View");
    for (const auto &[id, text, key] :
         {std::tuple{ActionId::ShowEntries, tr("&Entries"), Qt::Key_1},
          std::tuple{ActionId::ShowProblems, tr("&Problems"), Qt::Key_2},
          std::tuple{ActionId::ShowImage, tr("&Image"), Qt::Key_3},
          std::tuple{ActionId::ShowPreview, tr("&Store Preview"), Qt::Key_4},
          std::tuple{ActionId::ShowIndexProblems, tr("&Whole Index Problems"), Qt::Key_5}})
        add(id, text, Keys{QKeySequence(Qt::ALT | key)})->setCheckable(true);
    QAction *inline_ = add(ActionId::InlineMessages, tr("&Inline Messages"), {},
                           tr("Show each problem's message under its line in the text"));
    inline_->setCheckable(true);

    m_section = tr("View > Theme");
    auto *themes = new QActionGroup(this);
    for (const auto &[id, text] : {std::pair{ActionId::ThemeSystem, tr("&System")},
                                   std::pair{ActionId::ThemeLight, tr("&Light")},
                                   std::pair{ActionId::ThemeDark, tr("&Dark")}}) {
        QAction *theme = add(id, text, {});
        theme->setCheckable(true);
        themes->addAction(theme);
    }

    m_section = tr("Go");
    add(ActionId::NextProblem, tr("Ne&xt Problem"), Keys{QKeySequence(Qt::Key_F8)},
        tr("Go to the next problem in the text and the form"));
    add(ActionId::PreviousProblem, tr("Previous Pro&blem"),
        Keys{QKeySequence(Qt::SHIFT | Qt::Key_F8)});

    m_section = tr("Plugin");
    add(ActionId::ImportLogo, tr("&Import Logo..."),
        Keys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
        tr("Crop, scale and save any picture as the plugin's PNG logo"));
    add(ActionId::RevealInFileManager, tr("Reveal in File &Manager"), {},
        tr("Open the folder holding the plugin's files"));
    add(ActionId::CopyValidateCommand, tr("Copy &Validate Command"), {},
        tr("Copy the plugin-studio validate command for this plugin"));
    add(ActionId::CopySimulateCommand, tr("Copy Si&mulate Command"), {},
        tr("Copy the plugin-studio simulate command for this plugin"));

    m_section = tr("Help");
    add(ActionId::KeyboardShortcuts, tr("&Keyboard Shortcuts"),
        QKeySequence::keyBindings(QKeySequence::HelpContents),
        tr("Every action of the studio and its keys"));
    add(ActionId::About, tr("&About Plugin Studio"), {})->setMenuRole(QAction::AboutRole);

    m_section = tr("View");
    add(ActionId::ShowSimulate, tr("&Simulate"), Keys{ctrl(Qt::Key_3)},
        tr("Call the plugin's webhook as the app does and see what the user would see"));
    const auto scoped = [this](ActionId id, const QString &text, const Keys &keys,
                               const QString &tip) {
        add(id, text, keys, tip)->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    };
    m_section = tr("Simulate tab");
    scoped(ActionId::SimulateSend, tr("&Send / Play"),
           Keys{ctrl(Qt::Key_Return), ctrl(Qt::Key_Enter)},
           tr("Send the memory, or play the transcript"));
    scoped(ActionId::SimulatePause, tr("&Pause / Resume"), Keys{QKeySequence(Qt::Key_Space)},
           tr("Pause the replay (answers still arrive), or resume it"));
    scoped(ActionId::SimulateStep, tr("S&tep One Window"), Keys{QKeySequence(Qt::Key_F10)},
           tr("Send the next window now and stay paused"));
    scoped(ActionId::SimulateStop, tr("St&op"),
           Keys{QKeySequence(Qt::Key_Escape), ctrl(Qt::Key_Period)},
           tr("Send nothing more and cancel the requests in flight"));
    scoped(ActionId::CheckSetup, tr("&Check Setup"),
           Keys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return)},
           tr("Ask the plugin whether the user finished its setup, as the app does"));

    add(ActionId::BuiltInServer, tr("&Built-in Plugin Server"), {},
        tr("Run the built-in plugins on 127.0.0.1, so plugins pointed at them (the samples) "
           "answer with nothing deployed"))
        ->setCheckable(true);

    m_section = tr("History page");
    scoped(ActionId::HistoryRerun, tr("&Re-run"), Keys{ctrl(Qt::Key_R)},
           tr("Send the very bytes of the selected run again, as a new run"));
    scoped(ActionId::HistoryExportHar, tr("Export &HAR..."),
           Keys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H)},
           tr("Write the selected run as an HTTP Archive"));
    scoped(ActionId::HistoryExportReport, tr("Export &Report..."),
           Keys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J)},
           tr("Write the selected run's JSON report"));
    scoped(ActionId::HistoryExportJUnit, tr("Export &JUnit..."),
           Keys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
           tr("Write the selected run as JUnit XML"));
    scoped(ActionId::HistoryDelete, tr("&Delete"), Keys{QKeySequence(QKeySequence::Delete)},
           tr("Remove the selected run from the history"));
    scoped(ActionId::HistoryRefresh, tr("Re&fresh"), Keys{QKeySequence(Qt::Key_F5)},
           tr("Read the history again (runs of the command line appear)"));

    m_section = tr("Tools page");
    scoped(ActionId::ToolsCall, tr("&Call Tool"), Keys{ctrl(Qt::Key_Return), ctrl(Qt::Key_Enter)},
           tr("Call the chosen tool with the form's arguments, as the app's chat does"));
    scoped(ActionId::ToolsReload, tr("Re&load Tools"), Keys{QKeySequence(Qt::Key_F5)},
           tr("Fetch the app's tools manifest again, or read its file again"));

    m_section = tr("Load page");
    scoped(ActionId::LoadStart, tr("&Start Load"), Keys{ctrl(Qt::Key_Return), ctrl(Qt::Key_Enter)},
           tr("Start many users of the app calling the plugin at once, with the page's settings"));
}

QAction *ActionRegistry::action(ActionId id) const
{
    return m_actions.at(id);
}

QList<QKeySequence> ActionRegistry::shortcuts() const
{
    QList<QKeySequence> keys;
    for (const auto &[id, action] : m_actions) {
        if (action->shortcutContext() == Qt::WindowShortcut)
            keys << action->shortcuts();
    }
    return keys;
}

QAction *ActionRegistry::add(ActionId id, const QString &text, const QList<QKeySequence> &keys,
                             const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setShortcuts(keys);
    if (!tip.isEmpty())
        action->setStatusTip(tip);
    QString tooltip = QString(text).remove(u'&');
    if (!keys.isEmpty())
        tooltip += QStringLiteral(" (%1)").arg(keys.first().toString(QKeySequence::NativeText));
    action->setToolTip(tooltip);
    m_actions.emplace(id, action);
    m_listing.push_back({id, m_section});
    return action;
}

} // namespace studio
