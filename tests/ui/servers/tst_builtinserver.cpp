// The built-in plugin server of the window: on a free port (the settings say 0), a port in
// use said in words, the user's choice remembered, and Send in the Simulate tab answered by
// the built-in plugins, as a new user on a machine with no network sees it.
#include "SendAndWait.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "http/HttpClient.h"
#include "runview/NotificationPreview.h"
#include "runview/NotificationPreviewModel.h"
#include "runview/RunView.h"
#include "servers/BuiltInServer.h"
#include "servers/BuiltInServerIndicator.h"
#include "settings/StudioSettings.h"
#include "shell/MainWindow.h"
#include "simulator/MemoryDraft.h"
#include "simulator/RequestListModel.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>

using namespace studio;

class BuiltInServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QSettings().clear();
        StudioSettings().setBuiltInServerPort(0); // any free port, never the user's 8780
    }

    void start_onAFreePort_answersTheBuiltInPlugins()
    {
        BuiltInServer server;
        QSignalSpy changed(&server, &BuiltInServer::stateChanged);
        QCOMPARE(server.state(), BuiltInServer::State::Stopped);
        QCOMPARE(server.statusText(), QStringLiteral("Built-in plugins: stopped"));

        server.start();
        QVERIFY(server.isRunning());
        QCOMPARE(changed.count(), 1);
        QVERIFY(server.port() != 0);
        QCOMPARE(server.baseUrl(), QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        QCOMPARE(server.statusText(),
                 QStringLiteral("Built-in plugins: 127.0.0.1:%1").arg(server.port()));

        HttpClient client;
        HttpRequest request;
        request.method = "GET";
        request.url = server.url("/");
        const HttpResult result = test::sendAndWait(client, request);
        QCOMPARE(result.status, 200);
        QVERIFY(result.body.contains("/memory"));
        QTRY_COMPARE(server.requestsServed(), 1);
        QVERIFY(BuiltInServerIndicator::describe(server).contains(
            QStringLiteral("1 request answered")));

        const quint16 port = server.port();
        server.stop();
        QCOMPARE(server.state(), BuiltInServer::State::Stopped);
        QVERIFY(server.baseUrl().isEmpty());
        QTcpServer again;
        QVERIFY2(again.listen(QHostAddress::LocalHost, port), "the port is free again");
    }

    void aPortInUse_isSaidInWords_andStartsOnceFree()
    {
        QTcpServer holder;
        QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
        const quint16 port = holder.serverPort();
        StudioSettings().setBuiltInServerPort(port);

        BuiltInServer server;
        server.start();
        QCOMPARE(server.state(), BuiltInServer::State::PortInUse);
        QVERIFY(!server.isRunning());
        QCOMPARE(server.statusText(), QStringLiteral("Built-in plugins: port %1 in use").arg(port));
        QVERIFY2(server.errorString().contains(QStringLiteral("already in use")),
                 qPrintable(server.errorString()));
        QVERIFY(
            BuiltInServerIndicator::describe(server).contains(QStringLiteral("another program")));

        holder.close();
        server.start();
        QVERIFY(server.isRunning());
        QCOMPARE(server.port(), port);
    }

    void theUsersChoice_isRememberedForTheNextStudio()
    {
        BuiltInServer server;
        server.setWanted(false);
        QVERIFY(!StudioSettings().builtInServerAutoStart());
        server.startIfWanted();
        QCOMPARE(server.state(), BuiltInServer::State::Stopped);

        server.setWanted(true);
        QVERIFY(StudioSettings().builtInServerAutoStart());
        QVERIFY(server.isRunning());
    }

    void theWindow_startsItWhenItOpens_theActionAndStatusBarFollow()
    {
        QTemporaryDir repository;
        test::copySampleRepository(repository.path());
        MainWindow window;
        BuiltInServer *server = window.builtInServer();
        QCOMPARE(server->state(), BuiltInServer::State::Stopped); // not before it opens
        window.start(repository.path());
        QVERIFY(server->isRunning());

        QAction *toggle = window.actions()->action(ActionId::BuiltInServer);
        QVERIFY(toggle->isCheckable());
        QVERIFY(toggle->isChecked());
        auto *indicator = window.findChild<BuiltInServerIndicator *>();
        QVERIFY(indicator);
        QCOMPARE(indicator->text(), server->statusText());
        QVERIFY(indicator->toolTip().contains(server->url("/transcript")));
        QVERIFY(indicator->menu()->actions().contains(toggle));

        toggle->trigger(); // as the user unchecks it in the Simulate menu
        QCOMPARE(server->state(), BuiltInServer::State::Stopped);
        QVERIFY(!toggle->isChecked());
        QCOMPARE(indicator->text(), QStringLiteral("Built-in plugins: stopped"));
        QVERIFY(!StudioSettings().builtInServerAutoStart());
        toggle->trigger();
        QVERIFY(server->isRunning());
        QVERIFY(toggle->isChecked());
    }

    void send_inTheSimulateTab_getsANotificationFromTheBuiltInPlugins()
    {
        QTemporaryDir repository;
        test::copySampleRepository(repository.path());
        MainWindow window;
        window.builtInServer()->start();
        QVERIFY(window.builtInServer()->isRunning());
        QVERIFY(window.session()->openRepository(repository.path()).isEmpty());
        QVERIFY(window.session()->openEntry(1).isEmpty()); // meeting-notes: memory_creation
        QVERIFY(test::showActive(&window));
        SimulateWorkspace *workspace = window.simulate();
        // The sample calls 127.0.0.1:8780; this server is on a free port.
        SimulationTarget target = workspace->controller()->target();
        target.urlOverride = window.builtInServer()->url("/memory");
        workspace->controller()->setTarget(target);

        window.tabs()->setCurrentWidget(workspace);
        QTRY_VERIFY(workspace->memoryDraft()->isChecked());
        workspace->sendTest();
        QTRY_COMPARE(workspace->requests()->verdictText(0), QStringLiteral("notification"));
        QCOMPARE(window.builtInServer()->requestsServed(), 1);
        RunView *view = workspace->runView();
        QTRY_COMPARE(view->recordCount(), 1);
        view->flushPending();
        QCOMPARE(view->notificationPreview()->model()->notificationCount(), 1);
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(BuiltInServerTest)
#include "tst_builtinserver.moc"
