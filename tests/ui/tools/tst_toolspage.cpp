// The Tools page against a real app on 127.0.0.1: the manifest fetched as the backend
// fetches it, the tools listed with the app's id, a form per tool from its schema, each call
// made as the chat makes it and its answer shown as the chat model receives it, and every
// call kept in a real run history.
#include "ToolsTestSupport.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "form/FieldMark.h"
#include "history/RunHistory.h"
#include "problems/ProblemsModel.h"
#include "runs/RunRecorder.h"
#include "runview/BodyView.h"
#include "simulator/SimulationController.h"
#include "tools/ToolAnswerView.h"
#include "tools/ToolForm.h"
#include "tools/ToolsController.h"
#include "tools/ToolsPage.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace studio;
using test::LoopbackServer;

class ToolsPageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<LoopbackServer>();
        test::serveTools(*m_server);
        m_actions = std::make_unique<ActionRegistry>();
        m_simulation = std::make_unique<SimulationController>();
        SimulationTarget target = m_simulation->target();
        target.uid = QStringLiteral("user-7");
        m_simulation->setTarget(target);
        m_recorder = std::make_unique<RunRecorder>(m_simulation.get(), historyPath());
        m_controller = std::make_unique<ToolsController>(m_simulation.get(), m_recorder.get());
        m_page = std::make_unique<ToolsPage>(m_controller.get(), m_actions.get());
        m_page->resize(1000, 700);
        // Shown before it has an app, so it fetches only when a test says so.
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_controller->setApp(test::appAt(*m_server));
        m_page->setAvailable(true);
    }

    void cleanup()
    {
        m_page.reset();
        m_controller.reset();
        QTRY_COMPARE(m_recorder->pending(), 0);
        m_recorder.reset();
        m_simulation.reset();
        m_actions.reset();
        m_server.reset();
        m_data.reset();
    }

    void theAppsManifestUrl_isShown_andFetchedAsTheBackendDoes()
    {
        QCOMPARE(m_page->urlEdit()->text(), m_server->url("/.well-known/omi-tools.json"));
        load();
        const LoopbackServer::ReceivedRequest fetch = m_server->requests().first();
        QCOMPARE(fetch.method, QByteArray("GET"));
        QCOMPARE(fetch.header("Accept"), QByteArray("application/json"));
        QVERIFY2(m_page->sourceStatus()->text().contains(u"4 tools the chat can call"),
                 qPrintable(m_page->sourceStatus()->text()));
    }

    void theTools_areListedAsTheAssistantSeesThem()
    {
        load();
        QCOMPARE(m_page->toolList()->count(), 4);
        const QString first = m_page->toolList()->item(0)->text();
        QVERIFY2(first.startsWith(QStringLiteral("01HAPPTOOLS000000000000000_add_song\n")),
                 qPrintable(first));
        QVERIFY2(first.contains(u"POST /tools/add"), qPrintable(first));
        QVERIFY(m_page->toolList()->item(1)->text().contains(u"GET /tools/find"));
        QCOMPARE(m_page->findings()->rowCount(), 0);
        QVERIFY(m_page->toolDescription()->text().contains(u"Adds a song to the playlist"));
        QVERIFY(m_page->toolDescription()->text().contains(u"Adding..."));
    }

    void aManifestWithErrors_listsTheToolsItCouldRead_andItsFindingsLocated()
    {
        test::serveTools(*m_server, test::kBrokenManifest);
        load();
        QCOMPARE(m_page->toolList()->count(), 1);
        QVERIFY(m_page->toolList()->item(0)->text().contains(u"_ok_tool"));
        ProblemsModel *findings = m_page->findings();
        QStringList codes;
        for (int row = 0; row < findings->rowCount(); ++row)
            codes << findings->index(row, ProblemsModel::CodeColumn).data().toString() + u' ' +
                         findings->index(row, ProblemsModel::LocationColumn).data().toString();
        QVERIFY2(codes.filter(QStringLiteral("PS403 4:")).size() == 1, qPrintable(codes.join(u'\n')));
        QVERIFY2(codes.filter(QStringLiteral("PS402 5:")).size() == 1, qPrintable(codes.join(u'\n')));
    }

    void aManifestTheBackendWouldNotGet_saysWhy()
    {
        m_server->setRoute("/.well-known/omi-tools.json", HttpAnswer::json(404, "{}"));
        m_controller->fetch();
        QTRY_COMPARE(m_controller->state(), ToolsController::State::Failed);
        QVERIFY2(m_page->sourceStatus()->text().contains(u"answered HTTP 404"),
                 qPrintable(m_page->sourceStatus()->text()));
        QCOMPARE(m_page->toolList()->count(), 0);
        QVERIFY(!m_page->callButton()->isEnabled());
    }

    void aManifestFile_isReadInstead()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("omi-tools.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::kBrokenManifest);
        file.close();
        m_controller->openFile(path);
        QTRY_COMPARE(m_controller->state(), ToolsController::State::Loaded);
        QVERIFY(m_controller->loadedFromFile());
        QCOMPARE(m_page->toolList()->count(), 1);
        QVERIFY(m_page->sourceStatus()->text().contains(path));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void theForm_hasAnEditorPerType_andMarksRequired()
    {
        load();
        ToolForm *form = m_page->form();
        QVERIFY(qobject_cast<QLineEdit *>(form->editor("song")));
        auto *genre = qobject_cast<QComboBox *>(form->editor("genre"));
        QVERIFY(genre);
        QCOMPARE(genre->count(), 3); // not sent, rock, jazz
        QVERIFY(qobject_cast<QLineEdit *>(form->editor("count")));
        QVERIFY(qobject_cast<QLineEdit *>(form->editor("volume")));
        auto *loud = qobject_cast<QCheckBox *>(form->editor("loud"));
        QVERIFY(loud && loud->isTristate()); // optional: a state that sends nothing
        QVERIFY(qobject_cast<QLineEdit *>(form->editor("tags")));

        QCOMPARE(form->label("song")->text(), QStringLiteral("song *"));
        QVERIFY(form->label("song")->font().bold());
        QCOMPARE(form->label("volume")->text(), QStringLiteral("volume"));
        // Empty required fields are marked, and Call is off until they are filled.
        QVERIFY(form->mark("song")->severity().has_value());
        QVERIFY(!form->mark("volume")->severity().has_value());
        QVERIFY(!m_page->callButton()->isEnabled());
        QVERIFY2(m_page->callProblem()->text().contains(u"'song' is required"),
                 qPrintable(m_page->callProblem()->text()));
    }

    void aWrongTypedValue_turnsCallOff_andSaysWhy()
    {
        load();
        ToolForm *form = m_page->form();
        form->setValue("song", QStringLiteral("Yesterday"));
        form->setValue("count", QStringLiteral("2"));
        QVERIFY(m_page->callButton()->isEnabled());
        QVERIFY(m_page->callAction()->isEnabled());

        QTest::keyClicks(form->editor("count"), QStringLiteral(".5"));
        QVERIFY(!m_page->callButton()->isEnabled());
        QVERIFY(!m_page->callAction()->isEnabled());
        QVERIFY2(m_page->callProblem()->isVisibleTo(m_page.get()) &&
                     m_page->callProblem()->text().contains(u"'count' is an integer, not '2.5'"),
                 qPrintable(m_page->callProblem()->text()));
        QVERIFY(form->mark("count")->toolTip().contains(u"is an integer"));

        form->setValue("count", QStringLiteral("2"));
        form->setValue("tags", QStringLiteral("pop"));
        QVERIFY(!m_page->callButton()->isEnabled());
        QVERIFY(m_page->callProblem()->text().contains(u"write the array as JSON"));
        form->setValue("tags", QStringLiteral("[\"pop\"]"));
        QVERIFY(m_page->callButton()->isEnabled());
    }

    void aPostCall_sendsTheArgumentsWithUidAppIdAndName_andShowsTheResult()
    {
        load();
        ToolForm *form = m_page->form();
        form->setValue("song", QStringLiteral("Yesterday"));
        form->setValue("count", QStringLiteral("2"));
        form->setValue("genre", QStringLiteral("jazz"));
        form->setValue("loud", QStringLiteral("true"));
        form->setValue("tags", QStringLiteral("[\"pop\", \"60s\"]"));
        m_server->clearRequests();
        QSignalSpy finished(m_controller.get(), &ToolsController::callFinished);
        QTest::mouseClick(m_page->callButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);

        QCOMPARE(m_server->requestCount(), 1);
        const LoopbackServer::ReceivedRequest request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/tools/add"));
        const QJsonObject body = request.json().object();
        QCOMPARE(body.value(u"song").toString(), QStringLiteral("Yesterday"));
        QCOMPARE(body.value(u"count").toInt(), 2);
        QCOMPARE(body.value(u"genre").toString(), QStringLiteral("jazz"));
        QCOMPARE(body.value(u"loud").toBool(), true);
        QCOMPARE(body.value(u"tags").toArray().size(), 2);
        QVERIFY(!body.contains(u"volume")); // optional and empty: not sent
        QCOMPARE(body.value(u"uid").toString(), QStringLiteral("user-7"));
        QCOMPARE(body.value(u"app_id").toString(), QString::fromLatin1(test::kAppId));
        QCOMPARE(body.value(u"tool_name").toString(), QStringLiteral("add_song"));

        QCOMPARE(m_page->answer()->assistantText(), QStringLiteral("Added Yesterday."));
        QCOMPARE(m_page->answer()->kindText(), QStringLiteral("result"));
        QVERIFY2(m_page->answer()->statusText().startsWith(u"HTTP/1.1 200"),
                 qPrintable(m_page->answer()->statusText()));
        QVERIFY(m_page->answer()->requestBody()->text().contains(u"\"tool_name\""));
        QVERIFY(m_page->callButton()->isEnabled()); // ready for another
    }

    void aGetCall_sendsAQuery_andShowsTheMessage()
    {
        load();
        QVERIFY(m_page->chooseTool("find_song"));
        ToolForm *form = m_page->form();
        form->setValue("query", QStringLiteral("let it be"));
        form->setValue("exact", QStringLiteral("false"));
        m_server->clearRequests();
        QVERIFY(call());
        const LoopbackServer::ReceivedRequest request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QByteArray("/tools/find"));
        const QUrlQuery query = request.query();
        QVERIFY2(request.target.contains("query=let+it+be"), request.target.constData());
        QCOMPARE(query.queryItemValue(QStringLiteral("exact")), QStringLiteral("False"));
        QCOMPARE(query.queryItemValue(QStringLiteral("uid")), QStringLiteral("user-7"));
        QCOMPARE(query.queryItemValue(QStringLiteral("app_id")), QString::fromLatin1(test::kAppId));
        QCOMPARE(query.queryItemValue(QStringLiteral("tool_name")), QStringLiteral("find_song"));
        QVERIFY(request.body.isEmpty());
        QCOMPARE(m_page->answer()->assistantText(), QStringLiteral("Found 2 songs."));
        QCOMPARE(m_page->answer()->kindText(), QStringLiteral("message"));
    }

    void anErrorAnswer_isWhatTheAssistantReceives()
    {
        load();
        QVERIFY(m_page->chooseTool("broken_song"));
        QVERIFY(call());
        QCOMPARE(m_page->answer()->kindText(), QStringLiteral("error"));
        QCOMPARE(m_page->answer()->assistantText(),
                 QStringLiteral("Error calling broken_song: HTTP 500 - {\"error\": \"database down\"}"));
    }

    void a401_makesTheToolUnavailable()
    {
        load();
        QVERIFY(m_page->chooseTool("private_song"));
        QVERIFY(call());
        QCOMPARE(m_page->answer()->kindText(), QStringLiteral("unavailable"));
        QCOMPARE(m_page->answer()->assistantText(),
                 QStringLiteral("private_song is unavailable (HTTP 401)"));
    }

    void aCall_isKeptInTheRunHistory()
    {
        load();
        QVERIFY(m_page->chooseTool("find_song"));
        m_page->form()->setValue("query", QStringLiteral("help"));
        QSignalSpy recorded(m_recorder.get(), &RunRecorder::recorded);
        QVERIFY(call());
        QTRY_COMPARE(recorded.count(), 1);

        RunHistory history(historyPath());
        const auto runs = history.list();
        QVERIFY2(runs.ok(), qPrintable(runs.error()));
        QCOMPARE(runs.value().size(), 1);
        QCOMPARE(runs.value().first().kind, RunKind::Tool);
        QCOMPARE(runs.value().first().pluginId, QString::fromLatin1(test::kAppId));
        QCOMPARE(runs.value().first().pluginName, QStringLiteral("Song Keeper"));
        const auto run = history.load(runs.value().first().id);
        QVERIFY2(run.ok(), qPrintable(run.error()));
        QCOMPARE(run.value().records.size(), 1);
        const RunRecord &record = run.value().records.first();
        QCOMPARE(record.label, QStringLiteral("01HAPPTOOLS000000000000000_find_song"));
        QCOMPARE(record.result.request.method, QByteArray("GET"));
        QVERIFY(record.result.request.url.contains(u"tool_name=find_song"));
        QCOMPARE(record.verdict.chatMessage.value_or(QString()), QStringLiteral("Found 2 songs."));
        QCOMPARE(run.value().info.uid, QStringLiteral("user-7"));
        QCOMPARE(run.value().info.source, m_server->url("/.well-known/omi-tools.json"));
    }

    void stop_abandonsACallThatHangs()
    {
        m_server->setRoute("/tools/find", HttpAnswer::json(200, "{}").heldUntilReleased());
        load();
        QVERIFY(m_page->chooseTool("find_song"));
        m_page->form()->setValue("query", QStringLiteral("slow"));
        QSignalSpy finished(m_controller.get(), &ToolsController::callFinished);
        QSignalSpy stopped(m_controller.get(), &ToolsController::callStopped);
        m_server->clearRequests();
        m_page->call();
        QVERIFY(m_server->waitForRequests(1));
        QVERIFY(m_controller->isCalling());
        QVERIFY(m_page->stopButton()->isVisibleTo(m_page.get()));
        QVERIFY(!m_page->callButton()->isEnabled());
        QVERIFY(m_page->callProblem()->text().contains(u"Calling..."));

        QTest::mouseClick(m_page->stopButton(), Qt::LeftButton);
        QCOMPARE(stopped.count(), 1);
        QVERIFY(!m_controller->isCalling());
        QVERIFY(m_page->callButton()->isEnabled());
        // The server answers after all: nothing of it shows up.
        m_server->releaseHeldAnswers();
        QVERIFY(!finished.wait(500));
        QVERIFY(m_page->answer()->assistantText().isEmpty());
    }

    void aPluginOf2024_hasNoTools()
    {
        m_page->setAvailable(false);
        auto *notice = m_page->findChild<QLabel *>(QStringLiteral("toolsUnavailable"));
        QVERIFY(notice && notice->isVisibleTo(m_page.get()));
        QVERIFY(notice->text().contains(u"2024 plugin has no chat tools"));
        QVERIFY(!m_page->callAction()->isEnabled());
    }

private:
    QString historyPath() const { return m_data->filePath(QStringLiteral("history.sqlite")); }

    void load()
    {
        QTest::mouseClick(m_page->reloadButton(), Qt::LeftButton);
        QTRY_COMPARE(m_controller->state(), ToolsController::State::Loaded);
    }

    bool call()
    {
        QSignalSpy finished(m_controller.get(), &ToolsController::callFinished);
        if (!m_page->callButton()->isEnabled()) {
            qWarning("Call is off: %s", qPrintable(m_page->callProblem()->text()));
            return false;
        }
        m_page->call();
        return finished.wait(10000) || finished.count() == 1;
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<ActionRegistry> m_actions;
    std::unique_ptr<SimulationController> m_simulation;
    std::unique_ptr<RunRecorder> m_recorder;
    std::unique_ptr<ToolsController> m_controller;
    std::unique_ptr<ToolsPage> m_page;
};

QTEST_MAIN(ToolsPageTest)
#include "tst_toolspage.moc"
