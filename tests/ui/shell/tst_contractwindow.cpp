#include "LoopbackServer.h"
#include "SampleWindow.h"
#include "TestFiles.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "form/ManifestForm.h"
#include "logo/ImageInspector.h"
#include "preview/LogoAvatar.h"
#include "preview/PluginDetailPage.h"
#include "preview/PluginListTile.h"
#include "preview/StorePreview.h"
#include "shell/ContractChoice.h"
#include "simulation/engine/BuiltInMemory.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"
#include "simulator/TranscriptPanel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace studio;

namespace {

bool hasCode(const ValidationReport &report, std::string_view code)
{
    for (const Diagnostic &diagnostic : report.diagnostics)
        if (diagnostic.code() == code)
            return true;
    return false;
}

} // namespace

// The window shows the open document's contract, switches it, and simulates under it.
class ContractWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }
    void init()
    {
        QVERIFY(m_sample.open());
        m_app = std::make_unique<QTemporaryDir>();
        test::copyTree(QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper"), m_app->path());
    }
    void cleanup()
    {
        m_sample.close();
        m_app.reset();
    }

    void statusBar_showsAndSwitchesTheContract()
    {
        MainWindow *window = m_sample.window();
        auto *choice = window->findChild<ContractChoice *>(QStringLiteral("contractChoice"));
        QVERIFY(choice);
        QVERIFY2(choice->text().contains(u"2024 plugin index"), qPrintable(choice->text()));

        DocumentSession *session = window->session();
        QCOMPARE(session->openPath(m_app->filePath(QStringLiteral("app.json"))), QString());
        QVERIFY2(choice->text().contains(u"current apps"), qPrintable(choice->text()));
        ValidationScheduler *validation = session->validation();
        QTRY_VERIFY(!validation->isRunning() &&
                    validation->latestRevision() == session->document()->revision() &&
                    validation->latestReport().parsed);
        QVERIFY(!validation->latestReport().hasErrors());

        // The menu switches it: the app read as a 2024 entry lacks its id.
        QAction *old = choice->menu()->findChild<QAction *>(QStringLiteral("plugins-2024"));
        QVERIFY(old);
        QVERIFY(!old->isChecked());
        old->trigger();
        QCOMPARE(&session->contract(), &Contract::plugins2024());
        QVERIFY(old->isChecked());
        QVERIFY(choice->text().contains(u"2024 plugin index"));
        QTRY_VERIFY(!validation->isRunning() && hasCode(validation->latestReport(), "PS101"));

        QVERIFY(ContractChoice::differencesText().contains(u"128,000"));
    }

    // The form and the store preview follow the document's contract.
    void formAndPreview_followTheContract()
    {
        MainWindow *window = m_sample.window();
        auto *form = window->findChild<ManifestForm *>(QStringLiteral("manifestForm"));
        auto *preview = window->findChild<StorePreview *>(QStringLiteral("storePreview"));
        QVERIFY(form && preview);
        QVERIFY(form->isFieldShown("/id"));
        QVERIFY(!form->isFieldShown("/category"));

        DocumentSession *session = window->session();
        QCOMPARE(session->openPath(m_app->filePath(QStringLiteral("app.json"))), QString());
        QVERIFY(form->isFieldShown("/category"));
        QVERIFY(!form->isFieldShown("/id"));
        QCOMPARE(preview->detailPage()->category(),
                 QStringLiteral("productivity-and-organization"));
        // The logo beside app.json, as the app's contract finds it.
        QTRY_COMPARE(preview->listTile()->avatar()->state(), LogoImage::State::Loaded);
        // The Image tab looks at the same file.
        auto *image = window->findChild<ImageInspector *>();
        QVERIFY(image);
        QTRY_VERIFY2(image->factsText().contains(QStringLiteral(" px")),
                     qPrintable(image->factsText()));

        session->setContract(Contract::plugins2024());
        QVERIFY(form->isFieldShown("/id"));
        QVERIFY(!form->isFieldShown("/category"));
        QCOMPARE(preview->detailPage()->category(), QString());
        // "logo.png" is no repository path of the index.
        QCOMPARE(preview->listTile()->avatar()->state(), LogoImage::State::Placeholder);
        QTRY_VERIFY2(image->factsText().contains(QStringLiteral("malformed repository path")),
                     qPrintable(image->factsText()));
    }

    // The Simulate tab sends what the CLI sends under the document's contract.
    void simulate_followsTheContract()
    {
        MainWindow *window = m_sample.window();
        auto *controller =
            window->findChild<SimulationController *>(QStringLiteral("simulationController"));
        auto *workspace = window->findChild<SimulateWorkspace *>();
        QVERIFY(controller && workspace);
        QCOMPARE(workspace->transcriptPanel()->batching().windowSeconds, 30.0);

        QCOMPARE(window->session()->openPath(m_app->filePath(QStringLiteral("app.json"))),
                 QString());
        QCOMPARE(&controller->contract(), &Contract::apps2026());
        QCOMPARE(workspace->transcriptPanel()->batching().windowSeconds, 1.0);

        test::LoopbackServer server;
        server.setRoute("/memory", HttpAnswer::json(200, "{\"message\": \"Kept 2 tasks\"}"));
        SimulationPlan plan = controller->memoryPlan(BuiltInMemory::sample());
        QCOMPARE(plan.transport.connectTimeoutMs, 2'000);
        QCOMPARE(plan.transport.timeoutMs, 15'000);
        plan.webhookUrl = server.url("/memory");
        QSignalSpy records(controller, &SimulationController::recordCompleted);
        QVERIFY(controller->start(plan));
        QTRY_COMPARE_WITH_TIMEOUT(records.count(), 1, 15'000);
        const RunRecord record = records.first().first().value<RunRecord>();
        QCOMPARE(record.verdict.chatMessage, QStringLiteral("Kept 2 tasks"));
        QVERIFY(record.verdict.notifications.isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(server.requests().first().body).object();
        QVERIFY(body.contains(QStringLiteral("apps_results")));
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
    test::SampleWindow m_sample;
    std::unique_ptr<QTemporaryDir> m_app;
};

QTEST_MAIN(ContractWindowTest)
#include "tst_contractwindow.moc"
