// Not a test: the Listen page and the built-in plugin server's place in the status bar, in
// the real studio window, grabbed to PNG files. The requests come from this program over
// 127.0.0.1, the way the app's would through a tunnel.
//
//   listen_screens OUTDIR light|dark WIDTHxHEIGHT
//
// Writes OUTDIR/listen-<size>-<theme>.png (a few requests caught, a memory selected) and
// listen-problems-<size>-<theme>.png (ports in use, an answer that is not JSON).
#include "SendAndWait.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "history/HistoryLocation.h"
#include "http/HttpClient.h"
#include "servers/BuiltInServer.h"
#include "servers/CaughtRequestModel.h"
#include "servers/ListenController.h"
#include "servers/ListenPage.h"
#include "settings/StudioSettings.h"
#include "shell/MainWindow.h"
#include "simulator/SimulateWorkspace.h"

#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>

using namespace studio;

namespace {

template <typename Condition> void waitFor(Condition condition, const char *what)
{
    if (!QTest::qWaitFor(condition, 10000))
        std::cerr << "listen_screens: timed out waiting for " << what << '\n';
}

void grab(QWidget &window, const QString &path)
{
    QTest::qWait(400); // painting, the body view's formatting
    window.grab().save(path);
    std::cout << path.toStdString() << std::endl;
}

// A transcript_processed call of session `session`, two segments from `start` seconds.
QByteArray batch(const QByteArray &session, double start, const QByteArray &first,
                 const QByteArray &second)
{
    const auto segment = [](const QByteArray &text, int speaker, double at) -> QByteArray {
        return R"({"text": ")" + text + R"(", "speaker": "SPEAKER_0)" +
               QByteArray::number(speaker) + R"(", "speaker_id": )" + QByteArray::number(speaker) +
               R"(, "is_user": )" + (speaker == 0 ? "true" : "false") + R"(, "start": )" +
               QByteArray::number(at) + R"(, "end": )" + QByteArray::number(at + 3) + "}";
    };
    return QByteArray(R"({"session_id": ")" + session + R"(", "segments": [)" +
                      segment(first, 0, start) + ", " + segment(second, 1, start + 4) + "]}");
}

void send(HttpClient &client, const QString &url, const QByteArray &method, const QByteArray &body)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    if (!body.isEmpty())
        request.headers = {{"Content-Type", "application/json"}};
    request.body = body;
    test::sendAndWait(client, request);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    if (argc != 4) {
        std::cerr << "usage: listen_screens OUTDIR light|dark WIDTHxHEIGHT\n";
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString theme = QString::fromLocal8Bit(argv[2]);
    const QString size = QString::fromLocal8Bit(argv[3]);
    const QString suffix = size + u'-' + theme;
    const QStringList wh = size.split(u'x');
    test::IsolatedHome home;
    QTemporaryDir data;
    qputenv(HistoryLocation::kDataDirVariable, data.path().toUtf8());
    StudioSettings().setTheme(StudioSettings::themeFromName(theme));
    const QString repository = test::copySampleRepository(home.path() + QStringLiteral("/repo"));

    MainWindow window;
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.show();
    window.start(repository); // the built-in plugins start with the window
    window.session()->openRepository(repository, QStringLiteral("live-fact-checker"));
    SimulateWorkspace *workspace = window.simulate();
    ListenPage *page = window.listenPage();
    window.tabs()->setCurrentWidget(workspace);
    workspace->showPage(page);

    // The app's calls caught: a conversation streamed, its memory, and a stray GET.
    page->answerEdit()->setPlainText(QStringLiteral(R"({"message": "Heard you."})"));
    QTcpServer probe; // the default port, unless this machine has it taken
    if (!probe.listen(QHostAddress::LocalHost, page->portBox()->value()))
        page->portBox()->setValue(0);
    probe.close();
    page->start();
    waitFor([&] { return page->controller()->isListening(); }, "the port");
    const QString base = page->controller()->baseUrl();
    HttpClient client;
    const QString transcript = base + QStringLiteral("/transcript?uid=8f3a2c&session_id=morning");
    send(client, transcript, "POST",
         batch("morning", 0, "Morning! Did the invoices go out?", "Not yet, the printer jammed."));
    send(client, transcript, "POST",
         batch("morning", 8, "I'll send them before lunch.", "Great, thanks."));
    send(client, transcript, "POST",
         batch("morning", 16, "Remind me to call the bank at three.", "Will do."));
    send(client, base + QStringLiteral("/memory?uid=8f3a2c"), "POST",
         test::readFile(QStringLiteral(STUDIO_SAMPLES_DIR "/memories/action-items.json")));
    send(client, base + QStringLiteral("/setup/status?uid=8f3a2c"), "GET", {});
    waitFor([&] { return page->model()->rowCount() == 5; }, "the requests");
    page->table()->selectRow(3);
    grab(window, QDir(out).filePath(QStringLiteral("listen-%1.png").arg(suffix)));

    // Problems, said where the user looks: the built-in plugins' port taken by another
    // program, the Listen port too, and an answer that is not JSON.
    page->stop();
    BuiltInServer *builtIn = window.builtInServer();
    const quint16 builtInPort = builtIn->port();
    builtIn->stop();
    QTcpServer taken;
    taken.listen(QHostAddress::LocalHost, builtInPort);
    builtIn->start();
    QTcpServer listenTaken;
    listenTaken.listen(QHostAddress::LocalHost, 0);
    page->portBox()->setValue(listenTaken.serverPort());
    page->start();
    waitFor([&] { return page->controller()->state() == ListenController::State::Failed; },
            "the refusal");
    page->answerEdit()->setPlainText(QStringLiteral(R"({"message": "Heard you.",})"));
    grab(window, QDir(out).filePath(QStringLiteral("listen-problems-%1.png").arg(suffix)));
    return 0;
}
