// The Listen page in the real window: real requests over 127.0.0.1 become rows and
// fixtures, go into the run history, replay on their own page; problems are said in the page.
#include "SendAndWait.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "http/HttpClient.h"
#include "runs/RunRecorder.h"
#include "runview/BodyView.h"
#include "servers/CaughtRequestDetails.h"
#include "servers/CaughtRequestModel.h"
#include "servers/ListenController.h"
#include "servers/ListenPage.h"
#include "shell/MainWindow.h"
#include "simulator/MessageStrip.h"
#include "simulator/SegmentTableModel.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/TranscriptPanel.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

using namespace studio;

namespace {

// A transcript_processed call as the app makes it: three segments of session s1.
const QByteArray kBatch = R"({"session_id": "s1", "segments": [
  {"text": "Let's ship on Friday.", "speaker": "SPEAKER_00", "speaker_id": 0, "is_user": true,
   "start": 0.0, "end": 2.0},
  {"text": "I'll write the notes.", "speaker": "SPEAKER_01", "speaker_id": 1, "is_user": false,
   "start": 2.5, "end": 4.0},
  {"text": "Great.", "speaker": "SPEAKER_00", "speaker_id": 0, "is_user": true,
   "start": 4.5, "end": 5.0}]})";

} // namespace

class ListenPageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QSettings().clear();
        m_repository = std::make_unique<QTemporaryDir>();
        m_recordings = std::make_unique<QTemporaryDir>();
        test::copySampleRepository(m_repository->path());
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->session()->openRepository(m_repository->path()).isEmpty());
        QVERIFY(test::showActive(m_window.get()));
        m_page = m_window->listenPage();
        m_window->tabs()->setCurrentWidget(m_window->simulate());
        m_window->simulate()->showPage(m_page);
        m_page->portBox()->setValue(0); // any free port
        m_page->folderEdit()->setText(m_recordings->path());
    }

    void cleanup()
    {
        m_window.reset();
        m_recordings.reset();
        m_repository.reset();
    }

    void theFolderAndPort_startAtTheirDefaults()
    {
        ListenPage page(new ListenController(this));
        QCOMPARE(page.portBox()->value(), 8781);
        QCOMPARE(QDir::fromNativeSeparators(page.folderEdit()->text()),
                 QDir::home().filePath(QStringLiteral("plugin-studio-recordings")));
        QCOMPARE(page.answerEdit()->toPlainText(), QStringLiteral("{}"));
        QVERIFY(page.startButton()->isEnabled());
        QVERIFY(!page.stopButton()->isEnabled());
    }

    void caughtRequests_becomeRowsFixturesAndRuns()
    {
        auto *recorder = m_window->findChild<RunRecorder *>(QStringLiteral("runRecorder"));
        QVERIFY(recorder);
        QSignalSpy recorded(recorder, &RunRecorder::recorded);
        startListening();

        QCOMPARE(post("/memory?uid=u1",
                      test::readFile(QStringLiteral(STUDIO_SAMPLES_DIR "/memories/ordinary.json")))
                     .status,
                 200);
        QCOMPARE(post("/transcript?uid=u1&session_id=s1", kBatch).status, 200);

        CaughtRequestModel *model = m_page->model();
        QTRY_COMPARE(model->rowCount(), 2);
        QCOMPARE(cell(0, CaughtRequestModel::Method), QStringLiteral("POST"));
        QCOMPARE(cell(0, CaughtRequestModel::Target), QStringLiteral("/memory?uid=u1"));
        QCOMPARE(cell(0, CaughtRequestModel::Kind), QStringLiteral("memory"));
        QCOMPARE(cell(0, CaughtRequestModel::Fixture), QStringLiteral("memory-1.json"));
        QCOMPARE(cell(1, CaughtRequestModel::Kind), QStringLiteral("transcript"));
        QCOMPARE(cell(1, CaughtRequestModel::Fixture), QStringLiteral("transcript-s1.json"));
        QVERIFY(QFileInfo::exists(m_recordings->filePath(QStringLiteral("memory-1.json"))));
        QVERIFY(QFileInfo::exists(m_recordings->filePath(QStringLiteral("transcript-s1.json"))));
        QVERIFY2(m_page->statusText().contains(QStringLiteral("2 requests caught")),
                 qPrintable(m_page->statusText()));

        // The selected request, as it came.
        m_page->table()->selectRow(0);
        QVERIFY(m_page->details()->summaryText().startsWith(
            QStringLiteral("POST /memory?uid=u1 HTTP/1.1")));
        QTRY_VERIFY(
            m_page->details()->body()->text().contains(QStringLiteral("transcript_segments")));
        QVERIFY(m_page->replayButton()->isEnabled());

        // Both went into the run history, as `plugin-studio listen` keeps them.
        QTRY_COMPARE(recorded.count(), 2);
    }

    void replay_loadsACaughtTranscriptOnTheTranscriptStreamPage()
    {
        startListening();
        QCOMPARE(post("/transcript?uid=u1", kBatch).status, 200);
        QTRY_COMPARE(m_page->model()->rowCount(), 1);
        m_page->table()->selectRow(0);
        QTest::mouseClick(m_page->replayButton(), Qt::LeftButton);

        SimulateWorkspace *workspace = m_window->simulate();
        QCOMPARE(workspace->mode(), SimulateWorkspace::Mode::Transcript);
        QTRY_COMPARE(workspace->transcriptPanel()->segments()->rowCount(), 3);
        QCOMPARE(workspace->transcriptPanel()->transcriptPath(),
                 m_recordings->filePath(QStringLiteral("transcript-s1.json")));
    }

    void theList_followsTheNewest_unlessScrolledUp()
    {
        startListening();
        QTableView *table = m_page->table();
        QScrollBar *bar = table->verticalScrollBar();
        for (int i = 0; i < 30; ++i)
            QCOMPARE(post("/other", "{}").status, 200);
        QTRY_COMPARE(m_page->model()->rowCount(), 30);
        QVERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());

        bar->setValue(0); // the user reads an older request
        QCOMPARE(post("/other", "{}").status, 200);
        QTRY_COMPARE(m_page->model()->rowCount(), 31);
        QCOMPARE(bar->value(), 0);
    }

    void stop_freesThePort()
    {
        startListening();
        const quint16 port = m_page->controller()->port();
        QVERIFY(port != 0);
        QTest::mouseClick(m_page->stopButton(), Qt::LeftButton);
        QCOMPARE(m_page->controller()->state(), ListenController::State::Stopped);
        QVERIFY(m_page->addressEdit()->text().isEmpty());
        QVERIFY(m_page->startButton()->isEnabled());
        QTcpServer again;
        QVERIFY2(again.listen(QHostAddress::LocalHost, port), "the port is free again");
    }

    void anInvalidAnswer_disablesStart_andSaysWhere()
    {
        m_page->answerEdit()->setPlainText(QStringLiteral("{\"message\": }"));
        QVERIFY(!m_page->startButton()->isEnabled());
        QVERIFY(m_page->answerProblem()->isVisible());
        QVERIFY2(m_page->answerProblem()->text().contains(QStringLiteral("line 1, column 13")),
                 qPrintable(m_page->answerProblem()->text()));
        m_page->answerEdit()->setPlainText(QStringLiteral("{\"message\": \"noted\"}"));
        QVERIFY(m_page->startButton()->isEnabled());
        QVERIFY(!m_page->answerProblem()->isVisible());

        startListening();
        HttpResult answered = post("/anything", "hello");
        QCOMPARE(answered.body, QByteArray("{\"message\": \"noted\"}"));
    }

    void aPortInUse_andAFolderThatCannotBe_areSaidInThePage()
    {
        QTcpServer holder;
        QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
        m_page->portBox()->setValue(holder.serverPort());
        QTest::mouseClick(m_page->startButton(), Qt::LeftButton);
        QTRY_COMPARE(m_page->controller()->state(), ListenController::State::Failed);
        QVERIFY2(m_page->messageStrip()->message().contains(QStringLiteral("already in use")),
                 qPrintable(m_page->messageStrip()->message()));
        QVERIFY(m_page->startButton()->isEnabled()); // try again once it is free

        const QString file = m_recordings->filePath(QStringLiteral("a-file"));
        test::writeFile(file, "not a folder");
        m_page->portBox()->setValue(0);
        m_page->folderEdit()->setText(file + QStringLiteral("/inside"));
        QTest::mouseClick(m_page->startButton(), Qt::LeftButton);
        QTRY_COMPARE(m_page->controller()->state(), ListenController::State::Failed);
        QVERIFY2(m_page->messageStrip()->message().contains(QStringLiteral("cannot hold")),
                 qPrintable(m_page->messageStrip()->message()));
    }

    void theList_isBounded_andKeepsOnlyTheStartOfLargeBodies()
    {
        CaughtRequestModel model;
        CaughtRequest caught;
        caught.request.body = QByteArray(CaughtRequestModel::kKeptBodyBytes + 10, 'x');
        for (int i = 0; i < CaughtRequestModel::kMaxRows + 5; ++i) {
            caught.note = QString::number(i);
            model.add(caught);
        }
        QCOMPARE(model.rowCount(), CaughtRequestModel::kMaxRows);
        QCOMPARE(model.row(0).caught.note, QStringLiteral("5"));
        QCOMPARE(model.row(0).caught.request.body.size(), CaughtRequestModel::kKeptBodyBytes);
        QCOMPARE(model.row(0).bodyBytes, CaughtRequestModel::kKeptBodyBytes + 10);
    }

private:
    void startListening()
    {
        QTest::mouseClick(m_page->startButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->controller()->isListening());
        QVERIFY(m_page->addressEdit()->text().startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(m_page->stopButton()->isEnabled());
        QVERIFY(!m_page->startButton()->isEnabled());
    }

    HttpResult post(const char *target, const QByteArray &body)
    {
        HttpRequest request;
        request.url = m_page->addressEdit()->text() + QString::fromLatin1(target);
        request.headers = {{"Content-Type", "application/json"}};
        request.body = body;
        return test::sendAndWait(m_client, request);
    }

    QString cell(int row, int column) const
    {
        return m_page->model()->index(row, column).data().toString();
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<QTemporaryDir> m_repository;
    std::unique_ptr<QTemporaryDir> m_recordings;
    std::unique_ptr<MainWindow> m_window;
    ListenPage *m_page = nullptr;
    HttpClient m_client;
};

QTEST_MAIN(ListenPageTest)
#include "tst_listenpage.moc"
