#include "TestFiles.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

bool hasCode(const ValidationReport &report, std::string_view code)
{
    for (const Diagnostic &diagnostic : report.diagnostics)
        if (diagnostic.code() == code)
            return true;
    return false;
}

// Waits for the report of the document's current text.
const ValidationReport &currentReport(DocumentSession &session)
{
    ValidationScheduler *validation = session.validation();
    validation->validateNow();
    const bool current = QTest::qWaitFor(
        [&] {
            return !validation->isRunning() &&
                   validation->latestRevision() == session.document()->revision();
        },
        10'000);
    if (!current)
        qWarning("no report of the current text within 10 s");
    return validation->latestReport();
}

} // namespace

// The session tells the contract of what it opens, validates under it, follows the files it
// names, and takes the user's choice of another.
class SessionContractTest : public QObject
{
    Q_OBJECT

private slots:
    void anApp_opensUnderToday_sContract()
    {
        QTemporaryDir dir;
        copyTree(QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper"), dir.path());
        DocumentSession session;
        QSignalSpy changed(&session, &DocumentSession::contractChanged);
        QCOMPARE(session.openPath(dir.filePath(QStringLiteral("app.json"))), QString());
        QCOMPARE(&session.contract(), &Contract::apps2026());
        QCOMPARE(changed.count(), 1);
        const ValidationReport &report = currentReport(session);
        QVERIFY(!report.hasErrors());
        QCOMPARE(session.validation()->referencedFiles(),
                 QStringList{QDir(dir.path()).filePath(QStringLiteral("logo.png"))});

        // The logo gone: the app's rule says so, found beside the document.
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("logo.png"))));
        QVERIFY(hasCode(currentReport(session), "PS151"));
    }

    void theUser_switchesContract()
    {
        DocumentSession session;
        QCOMPARE(session.openPath(QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper/app.json")),
                 QString());
        QSignalSpy changed(&session, &DocumentSession::contractChanged);
        session.setContract(Contract::plugins2024());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(&session.validation()->contract(), &Contract::plugins2024());
        const ValidationReport &asEntry = currentReport(session);
        QVERIFY(hasCode(asEntry, "PS101")); // no id
        QVERIFY(hasCode(asEntry, "PS182")); // category unknown in 2024
        session.setContract(Contract::plugins2024());
        QCOMPARE(changed.count(), 1); // no change, no signal
    }

    void theIndex_isThe2024Contract()
    {
        QTemporaryDir dir;
        copyTree(QStringLiteral(STUDIO_SAMPLES_DIR "/repo"), dir.path());
        DocumentSession session;
        QCOMPARE(session.openPath(dir.path()), QString());
        QCOMPARE(&session.contract(), &Contract::plugins2024());
        QVERIFY(!currentReport(session).hasErrors());
    }
};

QTEST_MAIN(SessionContractTest)
#include "tst_sessioncontract.moc"
