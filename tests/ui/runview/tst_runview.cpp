#include "runview/LatencyChart.h"
#include "runview/NotificationPreview.h"
#include "runview/NotificationPreviewModel.h"
#include "RealRuns.h"
#include "runview/RequestInspector.h"
#include "runview/RunHeader.h"
#include "runview/RunTimeline.h"
#include "runview/RunView.h"
#include "preview/LogoAvatar.h"

#include <QImage>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

// The composite view on real runs: records live or whole, one selection across the list,
// the timeline, the chart and the inspector, and a layout for small and large screens.
class RunViewTest : public QObject
{
    Q_OBJECT

private:
    QList<RunRecord> m_records;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        LoopbackServer server;
        m_records = mixedRun(server);
        QCOMPARE(m_records.size(), int(MixedCount));
    }

    void liveRun_recordsArriveInBatches()
    {
        LoopbackServer server;
        server.setRoute("/hook",
                        LoopbackServer::Behaviour::json(200, R"({"message":"hello there"})"));
        HttpClient client;
        SimulationRun run(SimulationPlan::forTranscript(
                              runViewPlugin(AppTrigger::TranscriptProcessed, server.url("/hook")),
                              segmentsEndingAt({5, 35, 65, 95, 125, 155, 185, 215}), {},
                              ReplaySpeed::fast()),
                          &client);
        RunView view;
        view.setConversationLength(240);
        int added = 0;
        connect(&run, &SimulationRun::recordCompleted, &view, [&](const RunRecord &record) {
            view.addRecord(record);
            ++added;
            QCOMPARE(view.recordCount(), added); // counted at once, shown with the batch
        });
        QSignalSpy finished(&run, &SimulationRun::finished);
        run.start();
        QVERIFY(finished.wait(20'000));
        QCOMPARE(added, 8);
        QTRY_COMPARE(view.timeline()->markCount(), 8);
        QCOMPARE(view.requestList()->model()->rowCount(), 8);
        QCOMPARE(view.chart()->pointCount(), 8);
        QCOMPARE(view.notificationPreview()->model()->notificationCount(), 8);
        QVERIFY(view.header()->summaryText().startsWith(QStringLiteral("8 requests")));
    }

    void setRecords_showsAWholeRun()
    {
        RunView view;
        view.setRecords(m_records);
        QCOMPARE(view.recordCount(), int(MixedCount));
        QCOMPARE(view.timeline()->markCount(), int(MixedCount));
        QCOMPARE(view.chart()->pointCount(), int(MixedCount));
        QCOMPARE(view.requestList()->model()->index(ServerError, 2).data().toString(),
                 QStringLiteral("500"));
        QCOMPARE(view.requestList()->model()->index(Message, 4).data().toString(),
                 QStringLiteral("notification"));
        view.setRecords(m_records.mid(0, 2));
        QCOMPARE(view.timeline()->markCount(), 2);
        view.clear();
        QCOMPARE(view.recordCount(), 0);
        QCOMPARE(view.chart()->pointCount(), 0);
    }

    void selection_isSharedByEveryPart()
    {
        RunView view;
        view.resize(1280, 800);
        view.setRecords(m_records);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy selected(&view, &RunView::recordSelected);

        view.selectRecord(ServerError);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.last().first().toInt(), int(ServerError));
        QCOMPARE(view.inspector()->record()->index, m_records[ServerError].index);
        QCOMPARE(view.timeline()->selectedIndex(), int(ServerError));
        QCOMPARE(view.requestList()->currentIndex().row(), int(ServerError));

        // A click on the timeline selects there too.
        RunTimeline *timeline = view.timeline();
        QTest::mouseClick(timeline, Qt::LeftButton, {},
                          timeline->markRect(SlowMessage).center().toPoint());
        QCOMPARE(selected.last().first().toInt(), int(SlowMessage));
        QCOMPARE(view.inspector()->record()->verdict.reason, m_records[SlowMessage].verdict.reason);
        QCOMPARE(view.requestList()->currentIndex().row(), int(SlowMessage));

        // And picking a row of the list.
        view.requestList()->setCurrentIndex(view.requestList()->model()->index(NotJson, 0));
        QCOMPARE(view.selectedIndex(), int(NotJson));
        QCOMPARE(view.timeline()->selectedIndex(), int(NotJson));
        QCOMPARE(view.inspector()->record()->result.status, 200);
    }

    void resend_isForwarded()
    {
        RunView view;
        view.setRecords(m_records);
        view.selectRecord(Message);
        QSignalSpy resend(&view, &RunView::resendRequested);
        view.inspector()->resendAction()->trigger();
        QCOMPARE(resend.size(), 1);
        QCOMPARE(resend.first().first().value<RunRecord>().result.request.body,
                 m_records[Message].result.request.body);
    }

    void plugin_logoOrPlaceholder()
    {
        QTemporaryDir folder;
        const QString logoPath = folder.filePath(QStringLiteral("logo.png"));
        QImage logo(64, 64, QImage::Format_RGB32);
        logo.fill(QColor(0x22, 0x88, 0xcc));
        QVERIFY(logo.save(logoPath));

        RunView view;
        QSignalSpy ready(&view, &RunView::logoReady);
        view.setPlugin(QStringLiteral("Meeting Coach"), logoPath);
        QVERIFY(ready.wait(5000));
        QCOMPARE(view.header()->avatar()->state(), LogoImage::State::Loaded);

        view.setPlugin(QStringLiteral("Meeting Coach"),
                       folder.filePath(QStringLiteral("gone.png")));
        QVERIFY(ready.wait(5000));
        QCOMPARE(view.header()->avatar()->state(), LogoImage::State::Placeholder);
        QCOMPARE(view.notificationPreview()->model()->pluginName(),
                 QStringLiteral("Meeting Coach"));
    }

    void layout_fitsSmallScreensAndUsesLargeOnes()
    {
        RunView view;
        view.setRecords(m_records);
        QVERIFY(view.minimumSizeHint().width() <= 1024);
        QVERIFY(view.minimumSizeHint().height() <= 640);
        view.resize(1024, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.isWideLayout());
        QVERIFY(view.notificationPreview()->parentWidget()->inherits("QStackedWidget"));
        view.resize(1920, 1080);
        QTRY_VERIFY(view.isWideLayout());
        QVERIFY(qobject_cast<QSplitter *>(view.notificationPreview()->parentWidget()));
        QVERIFY(view.notificationPreview()->isVisible());
        QVERIFY(view.inspector()->isVisible());
        view.resize(1024, 640);
        QTRY_VERIFY(!view.isWideLayout());
    }
};

QTEST_MAIN(RunViewTest)
#include "tst_runview.moc"
