#include "SimulateTab.h"

#include "LoadView.h"
#include "MainWindow.h"
#include "ServerViews.h"
#include "StatusMessages.h"
#include "StatusPanel.h"
#include "ThemeManager.h"
#include "ToolsView.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "form/ManifestForm.h"
#include "repository/RepositoryFiles.h"
#include "runs/RunRecorder.h"
#include "runs/RunsPanel.h"
#include "simulator/MessageStrip.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>

namespace studio {

SimulateTab::Parts SimulateTab::install(MainWindow &window)
{
    ActionRegistry *actions = window.actions();
    auto *controller = new SimulationController(&window);
    controller->setObjectName(QStringLiteral("simulationController"));
    auto *workspace = new SimulateWorkspace(controller, actions, &window);
    QTabWidget *tabs = window.tabs();
    tabs->addTab(workspace, QObject::tr("Simulate"));

    const auto show = [tabs, workspace] { tabs->setCurrentWidget(workspace); };
    QAction *showSimulate = actions->action(ActionId::ShowSimulate);
    window.addAction(showSimulate);
    QObject::connect(showSimulate, &QAction::triggered, workspace, show);

    // The run keys in a menu of their own, before Help.
    auto *menu = new QMenu(QObject::tr("&Simulate"), &window);
    menu->addAction(showSimulate);
    menu->addSeparator();
    menu->addActions(
        {actions->action(ActionId::SimulateSend), actions->action(ActionId::SimulatePause),
         actions->action(ActionId::SimulateStep), actions->action(ActionId::SimulateStop)});
    menu->addSeparator();
    menu->addAction(actions->action(ActionId::CheckSetup));
    const QList<QAction *> menus = window.menuBar()->actions();
    window.menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);

    // Every run of the tab is kept in the history the command line shares; a history that
    // cannot be used is said where the user looks, and the run goes on.
    auto *recorder = new RunRecorder(controller, HistoryLocation::defaultPath(), &window);
    recorder->setObjectName(QStringLiteral("runRecorder"));
    auto *history = new RunsPanel(recorder, controller, actions, workspace);
    workspace->addPage(history, QObject::tr("History"));
    QObject::connect(recorder, &RunRecorder::failed, workspace,
                     [&window, workspace](const QString &message) {
                         window.statusPanel()->messages()->notice(message, 15000);
                         workspace->messageStrip()->show(MessageStrip::Level::Warning, message);
                     });

    DocumentSession *session = window.session();
    const auto follow = [session, workspace, history] {
        const PluginManifest &manifest = session->document()->manifest();
        const QString logo =
            manifest.image.empty() || session->repositoryRoot().isEmpty()
                ? QString()
                : RepositoryFiles(session->repositoryRoot()).absolutePath(manifest.image);
        workspace->setLogoPath(logo);
        workspace->setManifest(manifest);
        history->setOpenPlugin(QString::fromStdString(manifest.id),
                               QString::fromStdString(manifest.name), logo);
    };
    const auto followContract = [session, workspace] { workspace->setContract(session->contract()); };
    QObject::connect(session, &DocumentSession::contractChanged, workspace, followContract);
    followContract();
    QObject::connect(session->document(), &ManifestDocument::changed, workspace, follow);
    QObject::connect(session, &DocumentSession::sourceChanged, workspace, follow);
    follow();

    QObject::connect(window.form(), &ManifestForm::sendTestRequested, workspace, [show, workspace] {
        show();
        workspace->sendTest();
    });
    QObject::connect(window.form(), &ManifestForm::checkSetupRequested, workspace,
                     [show, workspace] {
                         show();
                         workspace->checkSetup();
                     });

    ThemeManager *theme = window.theme();
    workspace->setDark(theme->isDark());
    QObject::connect(theme, &ThemeManager::darkChanged, workspace, &SimulateWorkspace::setDark);

    const ServerViews::Parts servers = ServerViews::install(window, *workspace, *recorder, *menu);
    ToolsPage *tools = ToolsView::install(window, *workspace, *recorder);
    LoadView::install(window, *workspace);
    return {workspace, servers.builtInServer, servers.listenPage, tools};
}

} // namespace studio
