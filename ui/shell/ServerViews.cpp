#include "ServerViews.h"

#include "MainWindow.h"
#include "actions/ActionRegistry.h"
#include "runs/RunRecorder.h"
#include "servers/BuiltInServer.h"
#include "servers/BuiltInServerIndicator.h"
#include "servers/ListenController.h"
#include "servers/ListenPage.h"
#include "simulator/SimulateWorkspace.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

namespace studio {

ServerViews::Parts ServerViews::install(MainWindow &window, SimulateWorkspace &workspace,
                                        RunRecorder &recorder, QMenu &simulateMenu)
{
    auto *server = new BuiltInServer(&window);
    server->setObjectName(QStringLiteral("builtInServer"));
    QAction *toggle = window.actions()->action(ActionId::BuiltInServer);
    // The user's choice (triggered) starts or stops it; the check mark follows the state,
    // so a port in use leaves it unchecked.
    QObject::connect(toggle, &QAction::triggered, server, &BuiltInServer::setWanted);
    QObject::connect(server, &BuiltInServer::stateChanged, toggle,
                     [server, toggle] { toggle->setChecked(server->isRunning()); });
    simulateMenu.addSeparator();
    simulateMenu.addAction(toggle);
    window.statusBar()->addPermanentWidget(new BuiltInServerIndicator(server, toggle));

    auto *listener = new ListenController(&window);
    listener->setObjectName(QStringLiteral("listenController"));
    auto *page = new ListenPage(listener, &workspace);
    workspace.addPage(page, QObject::tr("Listen"));
    QObject::connect(listener, &ListenController::caught, &recorder,
                     [listener, &recorder](const CaughtRequest &caught) {
                         recorder.keepCaught(caught, listener->baseUrl(),
                                             listener->options().answer);
                     });
    QObject::connect(page, &ListenPage::replayRequested, &workspace,
                     [&workspace](CaughtRequest::Kind kind, const QString &fixture) {
                         if (kind == CaughtRequest::Kind::Memory)
                             workspace.loadMemoryFile(fixture);
                         else if (kind == CaughtRequest::Kind::Transcript)
                             workspace.loadTranscriptFile(fixture);
                     });
    return {server, page};
}

} // namespace studio
