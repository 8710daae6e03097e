// The Tools page in the real window: it follows the open document (an app has tools, a 2024
// plugin none), fetches the app's tools when it first shows, calls a tool, and the call is
// in the History page's list.
#include "ToolsTestSupport.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "history/RunHistory.h"
#include "runs/RunListModel.h"
#include "runs/RunsPanel.h"
#include "shell/MainWindow.h"
#include "simulator/SimulateWorkspace.h"
#include "tools/ToolAnswerView.h"
#include "tools/ToolForm.h"
#include "tools/ToolsController.h"
#include "tools/ToolsPage.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using test::LoopbackServer;

class ToolsWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QSettings().clear();
        m_folder = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<LoopbackServer>();
        test::serveTools(*m_server);
        m_window = std::make_unique<MainWindow>();
        QVERIFY(test::showActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_server.reset();
        m_folder.reset();
    }

    void anApp_hasItsToolsFetchedWhenThePageShows_andCallsThem()
    {
        QVERIFY(m_window->session()->openPath(writeApp()).isEmpty());
        QCOMPARE(m_window->session()->contract().name(), std::string_view("apps-2026"));
        ToolsPage *page = m_window->toolsPage();
        QVERIFY(page->isAvailable());
        showToolsPage();
        QTRY_COMPARE(page->controller()->state(), ToolsController::State::Loaded);
        QCOMPARE(page->toolList()->count(), 4);
        // No id yet: the names carry the placeholder the server replaces.
        QVERIFY(page->toolList()->item(0)->text().startsWith(u"00000000000000000000000000_add_song"));

        QVERIFY(page->chooseTool("find_song"));
        QWidget *query = page->form()->editor("query");
        query->setFocus();
        QTest::keyClicks(query, QStringLiteral("abbey road"));
        m_server->clearRequests();
        QSignalSpy finished(page->controller(), &ToolsController::callFinished);
        QTest::mouseClick(page->callButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000) || finished.count() == 1);
        QCOMPARE(m_server->requests().first().path, QByteArray("/tools/find"));
        QCOMPARE(page->answer()->assistantText(), QStringLiteral("Found 2 songs."));

        // Kept in the history the window shares with the command line: the History page lists it.
        RunsPanel *history = m_window->findChild<RunsPanel *>();
        QVERIFY(history);
        m_window->simulate()->showPage(history);
        QTRY_VERIFY_WITH_TIMEOUT(listsToolRun(history), 10000);
    }

    void aPluginOf2024_saysItHasNoTools()
    {
        QTemporaryDir repository;
        test::copySampleRepository(repository.path());
        QVERIFY(m_window->session()->openRepository(repository.path()).isEmpty());
        ToolsPage *page = m_window->toolsPage();
        QVERIFY(!page->isAvailable());
        showToolsPage();
        auto *notice = page->findChild<QLabel *>(QStringLiteral("toolsUnavailable"));
        QVERIFY(notice && notice->isVisible());
        QCOMPARE(page->controller()->state(), ToolsController::State::Empty);
        QCOMPARE(m_server->requestCount(), 0);
    }

private:
    QString writeApp()
    {
        Json app = test::appAt(*m_server);
        app.erase("id"); // as an author writes it; the server assigns the id
        app["category"] = "productivity-and-organization";
        app["description"] = "Keeps songs.";
        app["author"] = "Plugin Studio";
        app["capabilities"] = Json::array({"external_integration", "chat"});
        const QString path = m_folder->filePath(QStringLiteral("app.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QByteArray::fromStdString(app.dump(2)));
        return path;
    }

    void showToolsPage()
    {
        m_window->tabs()->setCurrentWidget(m_window->simulate());
        m_window->simulate()->showPage(m_window->toolsPage());
        QVERIFY(m_window->toolsPage()->isVisible());
    }

    static bool listsToolRun(RunsPanel *history)
    {
        QAbstractItemModel *model = history->findChild<RunListModel *>();
        if (!model)
            return false;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, RunListModel::Kind).data().toString() == u"tool")
                return true;
        }
        return false;
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(ToolsWindowTest)
#include "tst_toolswindow.moc"
