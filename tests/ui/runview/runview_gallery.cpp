// Renders the run view with a real run (the engine against a loopback server) and saves PNGs,
// for looking at it. Not a test: run it with QT_QPA_PLATFORM=offscreen or under xvfb-run.
//
//   runview_gallery OUTPUT_DIR [WIDTH HEIGHT [light|dark]]
//
// Writes runview-WxH-THEME.png (the inspector on a notification's response), where the
// phone preview shares a tab with the inspector runview-phone-WxH-THEME.png, and
// runview-timing-WxH-THEME.png (the phase waterfall) and runview-chat-WxH-THEME.png (the
// phone scrolled to the chat thread).

#include "RealRuns.h"
#include "runview/LatencyChart.h"
#include "runview/NotificationPreview.h"
#include "runview/NotificationPreviewModel.h"
#include "runview/RequestInspector.h"
#include "runview/RunView.h"
#include "shell/ThemeManager.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QListView>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <iostream>

using namespace studio;
using namespace studio::test;

namespace {

// Forty windows of a 20-minute conversation, answered as a plugin under development does:
// mostly messages, some too short, a few errors and one page that is not JSON, at latencies
// that vary.
QList<RunRecord> galleryRun(LoopbackServer &server)
{
    server.setRoute("/hook", [](const LoopbackServer::ReceivedRequest &request) {
        using Behaviour = LoopbackServer::Behaviour;
        const QJsonArray segments =
            request.json().object().value(QStringLiteral("segments")).toArray();
        const QString text =
            segments.isEmpty()
                ? QString()
                : segments.first().toObject().value(QStringLiteral("text")).toString();
        const int n = text.section(QLatin1Char(' '), 1, 1).toInt();
        const int delay = 20 + (n * 37) % 90 + (n % 11 == 3 ? 180 : 0);
        static const char *messages[] = {
            "Anna asked for the slides by Friday: want me to add a reminder?",
            "You promised to call the supplier back before noon.",
            "Budget review moved to Tuesday 10:00.",
            "Sounds like a decision: ship the beta on the 14th."};
        if (n % 9 == 4)
            return Behaviour::text(500, "Internal Server Error").afterDelay(delay);
        if (n % 13 == 7)
            return Behaviour::text(200, "<html><body>Bad gateway</body></html>").afterDelay(delay);
        if (n % 5 == 2)
            return Behaviour::json(200, R"({"message": "ok"})").afterDelay(delay);
        if (n % 4 == 1)
            return Behaviour::json(200, "{}").afterDelay(delay);
        return Behaviour::json(200, QByteArray(R"({"message": ")") + messages[n % 4] + "\"}")
            .afterDelay(delay);
    });
    QList<TranscriptSegment> segments;
    for (int i = 0; i < 40; ++i)
        segments.append(numberedSegment(i, i * 30 + 12));
    return runToEnd(SimulationPlan::forTranscript(
        runViewPlugin(AppTrigger::TranscriptProcessed, server.url("/hook")), segments, {},
        ReplaySpeed::fast()));
}

void save(QWidget &widget, const QString &path)
{
    QApplication::processEvents();
    widget.grab().save(path);
    std::cout << path.toStdString() << '\n';
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        std::cerr << "usage: runview_gallery OUTPUT_DIR [WIDTH HEIGHT [light|dark]]\n";
        return 2;
    }
    const QString out = arguments[1];
    const QSize size(arguments.size() > 3 ? arguments[2].toInt() : 1280,
                     arguments.size() > 3 ? arguments[3].toInt() : 800);
    const bool dark = arguments.size() > 4 && arguments[4] == u"dark";
    QDir().mkpath(out);
    ThemeManager theme;
    theme.apply(dark ? Theme::Dark : Theme::Light);

    LoopbackServer server;
    const QList<RunRecord> records = galleryRun(server);
    if (records.isEmpty()) {
        std::cerr << "the run did not finish\n";
        return 1;
    }

    RunView view;
    view.resize(size);
    view.setPlugin(QStringLiteral("Meeting Coach"),
                   QStringLiteral(STUDIO_SAMPLES_DIR "/repo/plugins/logos/socratic-coach.png"));
    view.setConversationLength(1200);
    view.setRecords(records);
    view.setPosition(870);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return 1;
    QSignalSpy logo(&view, &RunView::logoReady);
    if (view.isLogoLoading())
        logo.wait(5000);
    view.selectRecord(8);
    view.inspector()->showTab(RequestInspector::ResponseTab);
    QTest::qWait(200);
    const QString suffix = QStringLiteral("%1x%2-%3.png")
                               .arg(size.width())
                               .arg(size.height())
                               .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
    save(view, QDir(out).filePath(QStringLiteral("runview-") + suffix));

    view.inspector()->showTab(RequestInspector::TimingTab);
    QTest::qWait(50);
    save(view, QDir(out).filePath(QStringLiteral("runview-timing-") + suffix));
    view.inspector()->showTab(RequestInspector::ResponseTab);

    if (!view.isWideLayout()) {
        auto *tabs = view.findChild<QTabWidget *>();
        for (QTabWidget *candidate : view.findChildren<QTabWidget *>()) {
            if (candidate->count() == 2 && candidate->tabText(1) == u"Phone Preview")
                tabs = candidate;
        }
        tabs->setCurrentIndex(1);
        QTest::qWait(100);
        save(view, QDir(out).filePath(QStringLiteral("runview-phone-") + suffix));
    }
    // The chat thread the notifications became, at the end of the phone's list.
    NotificationPreview *phone = view.notificationPreview();
    phone->view()->scrollTo(phone->model()->index(phone->model()->chatHeaderRow()),
                            QAbstractItemView::PositionAtTop);
    QTest::qWait(100);
    save(view, QDir(out).filePath(QStringLiteral("runview-chat-") + suffix));
    return 0;
}
