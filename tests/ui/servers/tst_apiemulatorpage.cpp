// The App API page in the real window: the emulated integration API for the open app, over
// real sockets on 127.0.0.1. The app's calls become rows, what the user would see goes on the
// page's phone and on the run's, and the document's actions are enforced as they change.
#include "../shell/SampleWindow.h"
#include "SendAndWait.h"
#include "TestFiles.h"
#include "document/ManifestDocument.h"
#include "edit/JsonEdit.h"
#include "http/HttpClient.h"
#include "runview/NotificationPreview.h"
#include "runview/NotificationPreviewModel.h"
#include "runview/RunView.h"
#include "servers/ApiCallModel.h"
#include "servers/ApiEmulatorController.h"
#include "servers/ApiEmulatorPage.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUrlQuery>

using namespace studio;

class ApiEmulatorPageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QVERIFY(m_sample.open());
        m_page = m_sample.window()->findChild<ApiEmulatorPage *>(QStringLiteral("apiEmulatorPage"));
        QVERIFY(m_page);
        m_page->portBox()->setValue(0); // any free port
    }

    void cleanup() { m_sample.close(); }

    void aPlugin_hasNoApiToStart()
    {
        // The sample repository's entries are 2024 plugins.
        QVERIFY(!m_page->startButton()->isEnabled());
        QVERIFY2(m_page->findChild<QLabel *>(QStringLiteral("apiScope"))
                     ->text()
                     .contains(u"2024 plugin"),
                 "the page does not say why");
    }

    void theAppsCalls_becomeRowsAndWhatTheUserSees()
    {
        openApp();
        startApi();
        const QString env = m_page->environmentEdit()->toPlainText();
        QVERIFY2(env.contains(u"OMI_API_BASE_URL=" + controller()->baseUrl()), qPrintable(env));
        QVERIFY2(env.contains(u"OMI_APP_ID=" + controller()->appId()), qPrintable(env));
        QVERIFY2(env.contains(u"OMI_API_KEY=" + controller()->apiKey()), qPrintable(env));
        m_page->copyEnvironment();
        QCOMPARE(QGuiApplication::clipboard()->text(), controller()->environmentLines());

        // A notification to the simulator's user: delivered, a row, a card on both phones.
        QCOMPARE(call("POST", "notification",
                      {{QStringLiteral("message"), QStringLiteral("Kept 2 tasks")}})
                     .status,
                 200);
        QTRY_COMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(ApiCallModel::callText(m_page->model()->call(0)),
                 QStringLiteral("POST notification"));
        QCOMPARE(m_page->model()->call(0).status, 200);
        QCOMPARE(m_page->phone()->model()->notificationCount(), 1);
        QCOMPARE(workspace()->runView()->notificationPreview()->model()->notificationCount(), 1);
        QVERIFY2(m_page->statusText().contains(u"1 call"), qPrintable(m_page->statusText()));
        QTabWidget *results = workspace()->resultsHost();
        QVERIFY(resultsTabText(results).contains(u"App API Calls (1)"));

        // A conversation: on the phone as the conversations list shows it.
        const QByteArray body = R"({"text": "Standup. We agreed to ship on Friday.",
                                    "text_source": "other_text"})";
        QCOMPARE(call("POST", "user/conversations", {}, body).status, 200);
        QTRY_COMPARE(m_page->model()->rowCount(), 2);
        QCOMPARE(m_page->phone()->model()->conversationCount(), 1);
        QCOMPARE(workspace()->runView()->notificationPreview()->model()->conversationCount(), 1);

        // The selected call, whole.
        m_page->table()->selectRow(1);
        const QString details = m_page->details()->toPlainText();
        QVERIFY2(details.startsWith(u"POST /v2/integrations/" + controller()->appId() +
                                    u"/user/conversations?uid="),
                 qPrintable(details));
        QVERIFY2(details.contains(u"ship on Friday"), qPrintable(details));
    }

    void refusals_areRowsWithTheirReason()
    {
        openApp();
        startApi();
        QCOMPARE(call("POST", "notification", {{QStringLiteral("message"), QStringLiteral("hi")}},
                      {}, "omi_dev_not_the_key")
                     .status,
                 403);
        // task-keeper does not hold read_memories.
        QCOMPARE(call("GET", "memories").status, 403);
        QTRY_COMPARE(m_page->model()->rowCount(), 2);
        QCOMPARE(m_page->model()->call(1).status, 403);
        QVERIFY2(m_page->model()->call(1).detail.contains(u"read memories"),
                 qPrintable(m_page->model()->call(1).detail));
        QCOMPARE(m_page->phone()->model()->notificationCount(), 0);
    }

    void anActionAddedToTheDocument_holdsFromTheNextCall()
    {
        openApp();
        startApi();
        QCOMPARE(call("GET", "memories").status, 403);
        ManifestDocument *document = m_sample.window()->session()->document();
        const QString refused = document->edit(
            QStringLiteral("Add an action"),
            {JsonEdit::append("/external_integration/actions", Json{{"action", "read_memories"}})});
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        QTRY_VERIFY(controller()->app().actions.contains(QStringLiteral("read_memories")));
        QCOMPARE(call("GET", "memories").status, 200);
    }

    void theUser_isTheSimulatorsUid()
    {
        openApp();
        startApi();
        QCOMPARE(controller()->uid(), workspace()->controller()->uid());
        // Another user has not enabled the app.
        QCOMPARE(call("POST", "notification", {{QStringLiteral("message"), QStringLiteral("hi")}},
                      {}, {}, QStringLiteral("someone-else"))
                     .status,
                 403);
    }

    void theKeyAndAppId_stayFromOneStartToTheNext()
    {
        openApp();
        startApi();
        const QString key = controller()->apiKey();
        const QString appId = controller()->appId();
        QVERIFY(key.startsWith(u"omi_dev_"));
        QCOMPARE(appId.size(), 26);
        QVERIFY(m_sample.reopen());
        auto *page =
            m_sample.window()->findChild<ApiEmulatorPage *>(QStringLiteral("apiEmulatorPage"));
        QCOMPARE(page->controller()->apiKey(), key);
        QCOMPARE(page->controller()->appId(), appId);
        QCOMPARE(page->keyEdit()->text(), key);
    }

    void aBusyPort_isSaidInThePage()
    {
        openApp();
        startApi();
        ApiEmulatorPage other(new ApiEmulatorController(this));
        other.controller()->setApp(controller()->app());
        other.portBox()->setValue(controller()->port());
        other.start();
        QCOMPARE(other.controller()->state(), ApiEmulatorController::State::Failed);
        QVERIFY2(other.statusText().contains(u"Not running"), qPrintable(other.statusText()));
    }

private:
    ApiEmulatorController *controller() const { return m_page->controller(); }
    SimulateWorkspace *workspace() const { return m_sample.window()->simulate(); }

    void openApp()
    {
        m_app = std::make_unique<QTemporaryDir>();
        test::copyTree(QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper"), m_app->path());
        QCOMPARE(
            m_sample.window()->session()->openPath(m_app->filePath(QStringLiteral("app.json"))),
            QString());
        QTRY_VERIFY(controller()->app().isApp);
        QVERIFY(m_page->startButton()->isEnabled());
    }

    void startApi()
    {
        m_page->startButton()->click();
        QVERIFY2(controller()->isRunning(), qPrintable(controller()->errorString()));
        QVERIFY(m_page->stopButton()->isEnabled());
    }

    HttpResult call(const char *method, const char *path,
                    const QList<std::pair<QString, QString>> &query = {},
                    const QByteArray &body = {}, const QByteArray &key = {},
                    const QString &uid = {})
    {
        QUrlQuery parameters;
        parameters.addQueryItem(QStringLiteral("uid"), uid.isEmpty() ? controller()->uid() : uid);
        for (const auto &[name, value] : query)
            parameters.addQueryItem(name, value);
        HttpRequest request;
        request.method = method;
        request.url = controller()->baseUrl() + u"/v2/integrations/" + controller()->appId() +
                      u'/' + QString::fromLatin1(path) + u'?' +
                      parameters.toString(QUrl::FullyEncoded);
        request.headers.append(
            {QByteArrayLiteral("Authorization"),
             "Bearer " + (key.isEmpty() ? controller()->apiKey().toUtf8() : key)});
        if (!body.isEmpty()) {
            request.headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
            request.body = body;
        }
        return test::sendAndWait(m_client, request);
    }

    static QString resultsTabText(QTabWidget *tabs)
    {
        QStringList texts;
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
        return texts.join(u'|');
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    test::SampleWindow m_sample;
    std::unique_ptr<QTemporaryDir> m_app;
    ApiEmulatorPage *m_page = nullptr;
    HttpClient m_client;
};

QTEST_MAIN(ApiEmulatorPageTest)
#include "tst_apiemulatorpage.moc"
