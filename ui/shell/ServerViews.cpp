#include "ServerViews.h"

#include "MainWindow.h"
#include "actions/ActionRegistry.h"
#include "contract/Contract.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "runs/RunRecorder.h"
#include "runview/NotificationPreview.h"
#include "runview/RunView.h"
#include "servers/ApiCallModel.h"
#include "servers/ApiCallPreview.h"
#include "servers/ApiEmulatorController.h"
#include "servers/ApiEmulatorPage.h"
#include "servers/BuiltInServer.h"
#include "servers/RequestLogTable.h"
#include "servers/BuiltInServerIndicator.h"
#include "servers/ListenController.h"
#include "servers/ListenPage.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace studio {

namespace {

// The App API page, and its calls where the simulator's results are, so that a memory sent
// and what the app called back with show together; what the user sees of them goes on the
// run's phone too.
ApiEmulatorPage *installApiEmulator(MainWindow &window, SimulateWorkspace &workspace)
{
    auto *emulator = new ApiEmulatorController(&window);
    emulator->setObjectName(QStringLiteral("apiEmulator"));
    auto *page = new ApiEmulatorPage(emulator, &workspace);
    workspace.addPage(page, QObject::tr("App API"));

    auto *calls = new QTableView(workspace.resultsHost());
    calls->setObjectName(QStringLiteral("apiCallsResults"));
    request_log_table::setUp(calls, page->model());
    for (int column = 0; column < ApiCallModel::What; ++column)
        calls->setColumnWidth(column, page->table()->columnWidth(column));
    const int tab = workspace.resultsHost()->addTab(calls, QObject::tr("App API Calls"));
    const auto countCalls = [&workspace, calls, page, tab] {
        const int count = page->model()->rowCount();
        workspace.resultsHost()->setTabText(
            tab, count == 0 ? QObject::tr("App API Calls")
                            : QObject::tr("App API Calls (%1)").arg(count));
        calls->scrollToBottom();
    };
    QObject::connect(page->model(), &QAbstractItemModel::rowsInserted, calls, countCalls);
    QObject::connect(page->model(), &QAbstractItemModel::modelReset, calls, countCalls);
    QObject::connect(emulator, &ApiEmulatorController::called, &workspace,
                     [&workspace, emulator](const IntegrationCall &call) {
                         const QList<PreviewItem> items =
                             previewItemsOf(call, emulator->app().name);
                         if (!items.isEmpty())
                             workspace.runView()->notificationPreview()->appendItems(items, {});
                     });

    DocumentSession *session = window.session();
    const auto followDocument = [session, emulator] {
        const bool isApp = &session->contract() == &Contract::apps2026();
        emulator->setApp(ApiEmulatorController::appOf(session->document()->lastGoodValue(), isApp));
    };
    QObject::connect(session->document(), &ManifestDocument::changed, emulator, followDocument);
    QObject::connect(session, &DocumentSession::sourceChanged, emulator, followDocument);
    QObject::connect(session, &DocumentSession::contractChanged, emulator, followDocument);
    followDocument();
    SimulationController *simulator = workspace.controller();
    const auto followUid = [simulator, emulator] { emulator->setUid(simulator->uid()); };
    QObject::connect(simulator, &SimulationController::targetChanged, emulator, followUid);
    followUid();
    return page;
}

} // namespace

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
    installApiEmulator(window, workspace);
    return {server, page};
}

} // namespace studio
