// The Load page in the real window: the Simulate tab's memory sent by a few simulated users
// to a loopback server, the run on its own thread, its figures drawn each second, its summary
// checked against what the server received, stopped from the page, by its key and by the
// window, and its report written whole.
#include "../shell/SampleWindow.h"
#include "LoopbackServer.h"
#include "document/DocumentSession.h"
#include "load/LoadChart.h"
#include "load/LoadController.h"
#include "load/LoadPage.h"
#include "load/LoadSettingsForm.h"
#include "simulator/MemoryDraft.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace studio;
using test::LoopbackServer;

class LoadPageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        m_server = std::make_unique<LoopbackServer>();
        m_server->setRoute("/hook", LoopbackServer::Behaviour::json(
                                        200, R"({"message": "Saved to your notes."})"));
        m_server->setRoute("/fail", LoopbackServer::Behaviour::json(500, R"({"detail": "down"})"));
        QVERIFY(m_sample.open());
        QVERIFY(m_sample.window()->session()->openEntry(1).isEmpty()); // memory_creation
        m_page = m_sample.window()->findChild<LoadPage *>(QStringLiteral("loadPage"));
        QVERIFY(m_page);
        overrideUrl(m_server->url("/hook"));
        MemoryDraft *draft = workspace()->memoryDraft();
        draft->loadFile(QStringLiteral(STUDIO_SAMPLES_DIR "/memories/ordinary.json"));
        QTRY_VERIFY(draft->isChecked() && !draft->text().isEmpty());
        m_sample.window()->tabs()->setCurrentWidget(workspace());
        workspace()->showPage(m_page);
        QTRY_VERIFY(m_page->isVisible());
    }

    void cleanup()
    {
        m_sample.close();
        m_server.reset();
    }

    void thePage_saysWhatIsSent()
    {
        QCOMPARE(m_page->settings()->sourceBox()->currentData().toInt(),
                 int(LoadSettingsForm::Source::Memory));
        m_page->settings()->usersBox()->setValue(3);
        const QString sent = m_page->sentText();
        QVERIFY2(sent.contains(u"3 users"), qPrintable(sent));
        QVERIFY2(sent.contains(m_server->url("/hook")), qPrintable(sent));
        QVERIFY2(sent.contains(u"uid=load-<seed>-<n>"), qPrintable(sent));
        QVERIFY2(sent.contains(u"memory_creation"), qPrintable(sent));
        QVERIFY2(sent.contains(u"ordinary.json"), qPrintable(sent));
    }

    void aShortRun_drawsEachSecond_andItsSummaryCountsWhatTheServerGot()
    {
        setRun(3, 2.5, 1000, "7");
        QSignalSpy finished(controller(), &LoadController::finished);
        QVERIFY(m_page->startButton()->isEnabled());
        m_page->startButton()->click();
        QVERIFY(controller()->isRunning());
        QVERIFY(!m_page->startButton()->isEnabled());
        QVERIFY(m_page->stopButton()->isEnabled());
        QVERIFY2(m_page->statusText().contains(u"Running"), qPrintable(m_page->statusText()));

        // A point a second on every chart while it runs.
        QTRY_VERIFY_WITH_TIMEOUT(m_page->rateChart()->secondCount() >= 2, 15000);
        QVERIFY(m_page->rateChart()->points(QStringLiteral("completed")).size() >= 2);
        QVERIFY(m_page->rateChart()->points(QStringLiteral("sent")).size() >= 2);
        QVERIFY(m_page->inFlightChart()->lineNames().contains(QStringLiteral("in flight")));
        QVERIFY(m_page->latencyChart()->lineNames().contains(QStringLiteral("p95")));
        QVERIFY2(m_page->figuresText().contains(u"Sent: "), qPrintable(m_page->figuresText()));

        QVERIFY(finished.wait(20000));
        const LoadSummary summary = *controller()->summary();
        QVERIFY(summary.sent >= 3);
        QCOMPARE(summary.sent, qint64(m_server->requestCount()));
        QCOMPARE(qint64(summary.run.count), summary.sent);
        QCOMPARE(summary.users, 3);
        QCOMPARE(summary.run.notifications, summary.run.count);
        QCOMPARE(summary.left, qint64(0));
        QVERIFY2(m_page->summaryText().contains(
                     QStringLiteral("%1 requests from 3 users").arg(summary.run.count)),
                 qPrintable(m_page->summaryText()));
        QVERIFY2(m_page->summaryText().contains(
                     QStringLiteral("would have received: %1").arg(summary.run.notifications)),
                 qPrintable(m_page->summaryText()));
        QVERIFY2(m_page->verdictText().startsWith(u"Passed"), qPrintable(m_page->verdictText()));
        QVERIFY(m_page->startButton()->isEnabled());
        QVERIFY(m_page->saveButton()->isEnabled());

        // Each user as its own uid, named by the seed.
        QSet<QString> uids;
        for (const LoopbackServer::ReceivedRequest &request : m_server->requests())
            uids.insert(QUrlQuery(QUrl(QString::fromUtf8(request.target)).query())
                            .queryItemValue(QStringLiteral("uid")));
        QCOMPARE(uids, (QSet<QString>{QStringLiteral("load-7-1"), QStringLiteral("load-7-2"),
                                      QStringLiteral("load-7-3")}));
    }

    void theTranscriptPage_sConversation_isReplayedByEachUser()
    {
        workspace()->loadTranscriptFile(
            QStringLiteral(STUDIO_SAMPLES_DIR "/transcripts/coffee-chat-3min.json"));
        QTRY_VERIFY(!workspace()->segments().isEmpty());
        m_page->settings()->setSource(LoadSettingsForm::Source::Transcript);
        QVERIFY2(m_page->sentText().contains(u"transcript_processed"),
                 qPrintable(m_page->sentText()));
        setRun(2, 0, 1000, "9"); // one round each
        QSignalSpy finished(controller(), &LoadController::finished);
        m_page->start();
        QVERIFY(finished.wait(20000));
        const int perRound = controller()->plan().requestsPerRound();
        QVERIFY(perRound > 1);
        QCOMPARE(controller()->summary()->sent, qint64(2 * perRound));
        QCOMPARE(m_server->requestCount(), 2 * perRound);
        QVERIFY(m_server->requests().first().body.contains("\"segments\""));
    }

    void failingThresholds_areShownWithTheirReasons()
    {
        overrideUrl(m_server->url("/fail"));
        setRun(2, 1.5, 1000, "1");
        m_page->settings()->maxErrorRateBox()->setValue(10);
        QSignalSpy finished(controller(), &LoadController::finished);
        m_page->start();
        QVERIFY(finished.wait(20000));
        QVERIFY(!controller()->acceptance().passed);
        QVERIFY2(m_page->verdictText().startsWith(u"Failed"), qPrintable(m_page->verdictText()));
        QVERIFY2(m_page->verdictText().contains(controller()->acceptance().failures.first()),
                 qPrintable(m_page->verdictText()));
        QVERIFY2(m_page->summaryText().contains(u"status-500"), qPrintable(m_page->summaryText()));
        QVERIFY(m_page->errorChart()->lineNames().contains(QStringLiteral("status-500")));
        QCOMPARE(controller()->summary()->errorsByKind.at(QStringLiteral("status-500")),
                 qint64(m_server->requestCount()));
    }

    void escStopsARun_midway()
    {
        setRun(3, 60, 100, "2");
        QSignalSpy finished(controller(), &LoadController::finished);
        m_page->startButton()->setFocus();
        QTest::keyClick(m_page->startButton(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(controller()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(m_page->rateChart()->secondCount() >= 1, 10000);
        m_page->stopButton()->setFocus();
        QTest::keyClick(m_page->stopButton(), Qt::Key_Escape);
        QVERIFY(finished.wait(10000));
        const LoadSummary summary = *controller()->summary();
        QVERIFY(summary.wallSeconds < 60);
        QCOMPARE(summary.sent, qint64(m_server->requestCount()));
        QVERIFY(m_page->startButton()->isEnabled());
        QVERIFY(!m_page->stopButton()->isEnabled());
    }

    void anotherEntry_stopsTheRun()
    {
        setRun(2, 60, 100, "3");
        QSignalSpy finished(controller(), &LoadController::finished);
        m_page->start();
        QVERIFY(controller()->isRunning());
        QTRY_VERIFY(m_server->requestCount() >= 2);
        QVERIFY(m_sample.window()->session()->openEntry(2).isEmpty());
        QVERIFY(finished.wait(10000));
        QVERIFY(controller()->summary()->wallSeconds < 60);
    }

    void closingTheWindow_duringARun_endsItsThread()
    {
        setRun(3, 60, 100, "4");
        m_page->start();
        QTRY_VERIFY(m_server->requestCount() >= 3);
        QPointer<LoadController> running = controller();
        m_sample.close(); // joins the run's thread; nothing is left to call back
        QVERIFY(!running);
        QVERIFY(m_sample.open());
    }

    void theReport_isWrittenWhole_andReadsBack()
    {
        setRun(2, 1.2, 1000, "5");
        QSignalSpy finished(controller(), &LoadController::finished);
        m_page->start();
        QVERIFY(finished.wait(20000));
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("load.json"));
        QSignalSpy saved(m_page, &LoadPage::reportSaved);
        m_page->saveReport(path);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument report = QJsonDocument::fromJson(file.readAll(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject summary = report.object().value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("sent")).toInteger(), m_server->requestCount());
        QCOMPARE(summary.value(QStringLiteral("users")).toInt(), 2);
        QCOMPARE(report.object()
                     .value(QStringLiteral("run"))
                     .toObject()
                     .value(QStringLiteral("seed"))
                     .toInteger(),
                 5);

        // A folder that is not there: said, and no file left behind.
        const QString nowhere = folder.filePath(QStringLiteral("missing/load.json"));
        saved.clear();
        m_page->saveReport(nowhere);
        QVERIFY(saved.wait(10000));
        QVERIFY(!saved.first().at(1).toString().isEmpty());
        QVERIFY2(m_page->statusText().contains(u"not saved"), qPrintable(m_page->statusText()));
        QVERIFY(!QFile::exists(nowhere));
    }

    void aChartOfCounts_readsZeroWhereNothingCame_aChartOfMeasuresLeavesAGap()
    {
        LoadChart counts(QStringLiteral("Errors"), QStringLiteral("%.0f"), LoadChart::Kind::Counts);
        counts.addPoint(QStringLiteral("timeout"), 1, 2);
        counts.endSecond(1);
        counts.endSecond(2);
        counts.addPoint(QStringLiteral("status-500"), 3, 5); // a kind first seen in second 3
        counts.endSecond(3);
        QCOMPARE(counts.points(QStringLiteral("timeout")),
                 (QList<QPointF>{{1, 2}, {2, 0}, {3, 0}}));
        QCOMPARE(counts.points(QStringLiteral("status-500")),
                 (QList<QPointF>{{1, 0}, {2, 0}, {3, 5}}));
        QCOMPARE(counts.secondCount(), 3);

        LoadChart measures(QStringLiteral("Latency"), QStringLiteral("%.0f ms"),
                           LoadChart::Kind::Measures);
        measures.endSecond(1); // nothing answered yet: no latency, not a zero
        measures.addPoint(QStringLiteral("p50"), 2, 10);
        measures.endSecond(2);
        measures.endSecond(3);
        measures.addPoint(QStringLiteral("p50"), 4, 12);
        measures.endSecond(4);
        QCOMPARE(measures.points(QStringLiteral("p50")), (QList<QPointF>{{2, 10}, {4, 12}}));
    }

    void aSettingThatCannotRun_isSaid()
    {
        m_page->settings()->seedEdit()->setText(QStringLiteral("seven"));
        m_page->start();
        QVERIFY(!controller()->isRunning());
        QVERIFY2(m_page->statusText().contains(u"seed"), qPrintable(m_page->statusText()));
        QCOMPARE(m_server->requestCount(), 0);
    }

private:
    LoadController *controller() const { return m_page->controller(); }
    SimulateWorkspace *workspace() const { return m_sample.window()->simulate(); }

    void overrideUrl(const QString &url)
    {
        SimulationTarget target = workspace()->controller()->target();
        target.urlOverride = url;
        workspace()->controller()->setTarget(target);
    }

    void setRun(int users, double durationSeconds, double speed, const char *seed)
    {
        LoadSettingsForm *form = m_page->settings();
        form->usersBox()->setValue(users);
        form->rampBox()->setValue(0);
        form->durationBox()->setValue(durationSeconds);
        form->speedBox()->setValue(speed);
        form->seedEdit()->setText(QString::fromLatin1(seed));
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<LoopbackServer> m_server;
    test::SampleWindow m_sample;
    LoadPage *m_page = nullptr;
};

QTEST_MAIN(LoadPageTest)
#include "tst_loadpage.moc"
