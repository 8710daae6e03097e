#include "RealRuns.h"
#include "runview/RunTimeline.h"
#include "simulation/report/RunRecord.h"

#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace studio;
using namespace studio::test;

// The timeline of a real run: one mark per request where its window lies, coloured by what
// the app did, and picking a mark with the mouse or the keys selects that request.
class RunTimelineTest : public QObject
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

    void marks_oneColouredByOutcomePerRequest()
    {
        RunTimeline timeline;
        timeline.resize(900, timeline.sizeHint().height());
        timeline.setConversationLength(180);
        timeline.appendRecords(m_records);
        QCOMPARE(timeline.markCount(), int(MixedCount));

        QCOMPARE(timeline.markOutcome(Message), RecordOutcome::Notification);
        QCOMPARE(timeline.markOutcome(ShortMessage), RecordOutcome::Dropped);
        QCOMPARE(timeline.markOutcome(ServerError), RecordOutcome::Failed);
        QCOMPARE(timeline.markOutcome(NotJson), RecordOutcome::Dropped);
        QCOMPARE(timeline.markOutcome(SlowMessage), RecordOutcome::Notification);
        QCOMPARE(timeline.markOutcome(Empty), RecordOutcome::Silent);
        const bool dark = isDarkPalette(timeline.palette());
        QCOMPARE(timeline.markColour(Message), outcomeColour(RecordOutcome::Notification, dark));
        QCOMPARE(timeline.markColour(ServerError), outcomeColour(RecordOutcome::Failed, dark));
        QVERIFY(timeline.markColour(Message) != timeline.markColour(ShortMessage));
        QVERIFY(timeline.markColour(Empty) != timeline.markColour(ServerError));

        // The pixels agree: the middle of each mark is painted in its colour.
        const QImage image = timeline.grab().toImage();
        for (int i = 0; i < timeline.markCount(); ++i) {
            const QPoint centre = timeline.markRect(i).center().toPoint();
            QCOMPARE(image.pixelColor(centre * image.devicePixelRatio()).rgb(),
                     timeline.markColour(i).rgb());
        }
    }

    void notSent_hasAColourOfItsOwn()
    {
        // A request the app's circuit breaker held back is neither failed nor dropped.
        RunRecord held = m_records.at(ServerError);
        held.result = HttpResult{};
        held.notSentReason = QStringLiteral("circuit open until 35 s");
        held.windowStart = 150;
        held.windowEnd = 160;
        RunTimeline timeline;
        timeline.resize(900, timeline.sizeHint().height());
        timeline.setConversationLength(180);
        timeline.appendRecords({m_records.at(ServerError), held});
        QCOMPARE(timeline.markOutcome(0), RecordOutcome::Failed);
        QCOMPARE(timeline.markOutcome(1), RecordOutcome::NotSent);
        QVERIFY(timeline.markColour(1) != timeline.markColour(0));
        const QImage image = timeline.grab().toImage();
        const QPoint centre = timeline.markRect(1).center().toPoint();
        QCOMPARE(image.pixelColor(centre * image.devicePixelRatio()).rgb(),
                 timeline.markColour(1).rgb());
    }

    void marks_spanTheirWindowOnTheAxis()
    {
        RunTimeline timeline;
        timeline.resize(916, timeline.sizeHint().height()); // a 900 px track: 5 px a second
        timeline.setConversationLength(180);
        timeline.appendRecords(m_records);
        QCOMPARE(timeline.axisEnd(), 180.0);
        const QRectF first = timeline.markRect(0);
        const QRectF last = timeline.markRect(Empty);
        QVERIFY(first.left() < last.left());
        QVERIFY2(std::abs(first.width() - 150) <= 1.5, qPrintable(QString::number(first.width())));
        QVERIFY(std::abs(last.right() - (timeline.width() - 8)) <= 1.5);
    }

    void click_selectsTheRecordUnderThePointer()
    {
        RunTimeline timeline;
        timeline.resize(900, timeline.sizeHint().height());
        timeline.appendRecords(m_records);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        QSignalSpy selected(&timeline, &RunTimeline::recordSelected);
        for (const int index : {int(NotJson), int(Message), int(Empty)}) {
            const QPoint inside = timeline.markRect(index).center().toPoint();
            QCOMPARE(timeline.indexAt(inside), index);
            QTest::mouseClick(&timeline, Qt::LeftButton, {}, inside);
            QCOMPARE(selected.last().first().toInt(), index);
            QCOMPARE(timeline.selectedIndex(), index);
        }
        QCOMPARE(timeline.indexAt(QPoint(timeline.width() / 2, 2)), -1); // the legend
    }

    void keys_moveTheSelection()
    {
        RunTimeline timeline;
        timeline.resize(900, timeline.sizeHint().height());
        timeline.appendRecords(m_records);
        QSignalSpy selected(&timeline, &RunTimeline::recordSelected);
        QTest::keyClick(&timeline, Qt::Key_Right);
        QCOMPARE(timeline.selectedIndex(), 0);
        QTest::keyClick(&timeline, Qt::Key_Right);
        QTest::keyClick(&timeline, Qt::Key_Right);
        QCOMPARE(timeline.selectedIndex(), 2);
        QTest::keyClick(&timeline, Qt::Key_Left);
        QCOMPARE(timeline.selectedIndex(), 1);
        QTest::keyClick(&timeline, Qt::Key_End);
        QCOMPARE(timeline.selectedIndex(), int(Empty));
        QTest::keyClick(&timeline, Qt::Key_Right); // stays at the last
        QCOMPARE(timeline.selectedIndex(), int(Empty));
        QCOMPARE(selected.size(), 5);
    }

    void position_movesTheCursor()
    {
        RunTimeline timeline;
        timeline.resize(916, timeline.sizeHint().height());
        timeline.setConversationLength(180);
        QCOMPARE(timeline.position(), -1.0);
        timeline.setPosition(90);
        QCOMPARE(timeline.position(), 90.0);
        // The cursor is drawn where 90 s lies, in the palette's highlight colour.
        const QImage image = timeline.grab().toImage();
        const QColor highlight = timeline.palette().color(QPalette::Highlight);
        const int x = 8 + 450;
        bool found = false;
        for (int dx = -1; dx <= 1 && !found; ++dx)
            found = image.pixelColor(x + dx, 8 + 18 + 12).rgb() == highlight.rgb();
        QVERIFY(found);
    }
};

QTEST_MAIN(RunTimelineTest)
#include "tst_runtimeline.moc"
