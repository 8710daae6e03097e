#include "runview/NotificationPreview.h"
#include "runview/NotificationPreviewModel.h"
#include "RealRuns.h"

#include <QListView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace studio;
using namespace studio::test;

// The phone preview of a real run: the notifications the user gets, titled "<name> says"
// and in order, the answers the app did not show greyed with the reason, and the chat.
class NotificationPreviewTest : public QObject
{
    Q_OBJECT

private:
    QList<RunRecord> m_records;

    static QList<PreviewItem> itemsOf(const NotificationPreviewModel &model, PreviewItem::Kind kind)
    {
        QList<PreviewItem> items;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.item(row).kind == kind)
                items.append(model.item(row));
        }
        return items;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        LoopbackServer server;
        m_records = mixedRun(server);
        QCOMPARE(m_records.size(), int(MixedCount));
    }

    void notifications_titledNameSaysInOrderWithTheirTime()
    {
        NotificationPreview preview;
        preview.setPlugin(QStringLiteral("Meeting Coach"), {});
        preview.appendRecords(m_records, 0);
        const NotificationPreviewModel &model = *preview.model();
        const QList<PreviewItem> shown = itemsOf(model, PreviewItem::Kind::Notification);
        QCOMPARE(shown.size(), 2);
        QCOMPARE(model.notificationCount(), 2);
        QCOMPARE(shown[0].title, QStringLiteral("Meeting Coach says"));
        QCOMPARE(shown[0].text, QString::fromUtf8(kMixedMessage));
        QCOMPARE(shown[0].recordIndex, int(Message));
        QCOMPARE(shown[1].text, QString::fromUtf8(kSlowMessage));
        QCOMPARE(shown[1].recordIndex, int(SlowMessage));
        // Seen when the answer arrived: the window's end (30 s) plus the latency.
        QCOMPARE(shown[0].timeText(), QStringLiteral("at 0:30"));
        QCOMPARE(shown[1].timeText(), QStringLiteral("at 2:30"));
        QVERIFY(shown[0].atSeconds < shown[1].atSeconds);
    }

    void droppedAnswers_greyedWithTheReason()
    {
        NotificationPreview preview;
        preview.setPlugin(QStringLiteral("Meeting Coach"), {});
        preview.appendRecords(m_records, 0);
        const QList<PreviewItem> suppressed =
            itemsOf(*preview.model(), PreviewItem::Kind::Suppressed);
        QCOMPARE(suppressed.size(), 3); // "ok", the 500 and the HTML page; {} is silent
        QCOMPARE(preview.model()->suppressedCount(), 3);
        QCOMPARE(suppressed[0].recordIndex, int(ShortMessage));
        QCOMPARE(suppressed[0].title, QStringLiteral("Meeting Coach says"));
        QCOMPARE(suppressed[0].detail, m_records[ShortMessage].verdict.reason);
        QVERIFY(suppressed[0].detail.contains(QStringLiteral("5 characters or fewer")));
        QCOMPARE(suppressed[1].recordIndex, int(ServerError));
        QVERIFY(suppressed[1].text.contains(QStringLiteral("failed")));
        QCOMPARE(suppressed[2].recordIndex, int(NotJson));
        QCOMPARE(suppressed[2].detail, m_records[NotJson].verdict.reason);

        // Drawn greyed: the card of a dropped answer is fainter than a shown one.
        preview.resize(460, 1400);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        const QImage screen = preview.view()->viewport()->grab().toImage();
        const auto inkOf = [&](int row) {
            const QRect rect = preview.view()->visualRect(preview.model()->index(row));
            int dark = 0;
            for (int y = rect.top(); y < rect.top() + 40 && y < screen.height(); ++y) {
                for (int x = rect.left() + 60; x < rect.right() - 60; ++x)
                    dark += screen.pixelColor(x, y).lightness() < 100 ? 1 : 0;
            }
            return dark;
        };
        QVERIFY(inkOf(1) > 2 * inkOf(2)); // row 1: the shown message, row 2: "ok" dropped
    }

    void chat_threadFollowsTheNotifications()
    {
        NotificationPreview preview;
        preview.setPlugin(QStringLiteral("Meeting Coach"), {});
        preview.appendRecords(m_records.mid(0, 2), 0);
        preview.appendRecords(m_records.mid(2), 2); // live: two batches
        const NotificationPreviewModel &model = *preview.model();
        QCOMPARE(model.chatCount(), 2);
        QCOMPARE(model.item(0).title, QStringLiteral("Notifications"));
        const int chatHeader = model.chatHeaderRow();
        QCOMPARE(model.item(chatHeader).title, QStringLiteral("Chat with Meeting Coach"));
        QCOMPARE(model.rowCount(), chatHeader + 3);
        QCOMPARE(model.item(chatHeader + 1).kind, PreviewItem::Kind::ChatMessage);
        QCOMPARE(model.item(chatHeader + 1).text, QString::fromUtf8(kMixedMessage));
        QCOMPARE(model.item(chatHeader + 2).text, QString::fromUtf8(kSlowMessage));
        // Every notification row comes before the chat header.
        for (int row = 1; row < chatHeader; ++row)
            QVERIFY(model.item(row).kind != PreviewItem::Kind::ChatMessage);
    }

    void click_activatesTheRequest()
    {
        NotificationPreview preview;
        preview.resize(460, 900);
        preview.setPlugin(QStringLiteral("Meeting Coach"), {});
        preview.appendRecords(m_records, 0);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        QSignalSpy activated(&preview, &NotificationPreview::recordActivated);
        const QRect second = preview.view()->visualRect(preview.model()->index(2));
        QTest::mouseClick(preview.view()->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toInt(), int(ShortMessage));
    }

    void emptyRun_saysSo()
    {
        NotificationPreview preview;
        QCOMPARE(preview.model()->rowCount(), 2);
        QCOMPARE(preview.model()->item(0).text, QStringLiteral("none yet"));
    }
};

QTEST_MAIN(NotificationPreviewTest)
#include "tst_notificationpreview.moc"
