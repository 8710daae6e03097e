#include "IndexFixtures.h"
#include "SaveAndWait.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace studio;

namespace {

const std::string &kIndex = test::kAlphaBetaIndex;

// Types `text` at the end of the entry's name, as keys would.
void typeIntoName(ManifestDocument &document, const std::string &text)
{
    const std::size_t at = document.text().find("\",\n  \"author\"");
    document.applyTyping({at, {}, text});
}

} // namespace

// Saving off the GUI thread: the session writes on a worker and marks saved the revision
// it wrote, whatever is typed, asked or opened meanwhile (real files in temporary folders).
class SessionSaveTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void cleanup()
    {
        m_session.reset(); // waits for a write under way
        m_repository.reset();
    }

    void editsTypedWhileSaving_stayUnsaved_andUndoReachesTheSavedText()
    {
        QVERIFY(openIndex(QStringLiteral("beta")).isEmpty());
        DocumentSession &session = *m_session;
        ManifestDocument &document = *session.document();
        typeIntoName(document, " 2");
        const std::string saved = document.text();

        std::optional<QString> result;
        session.save([&result](const QString &error) { result = error; });
        QVERIFY(session.isSaving());
        typeIntoName(document, "b"); // before the event loop turns: while it is written
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QCOMPARE(*result, QString());

        QVERIFY(test::readFile(m_repository->indexPath()).contains("\"Beta 2\""));
        QVERIFY(document.isModified());
        QCOMPARE(session.entries().at(1).id, std::string("beta"));
        document.undoStack()->undo();
        QCOMPARE(document.text(), saved);
        QVERIFY(!document.isModified());
        document.undoStack()->redo();
        QVERIFY(document.isModified());
    }

    void saveError_keepsTheEdits_andNothingIsWritten()
    {
        test::TemporaryRepository repository;
        const QString path = repository.path(QStringLiteral("mine.json"));
        test::writeFile(path, "{\"id\": \"mine\", \"name\": \"Mine\"}");
        DocumentSession session;
        QVERIFY(session.openManifestFile(path).isEmpty());
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Edited")});
        const std::string edited = session.document()->text();
        // Something in the way of the write: the file became a folder.
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir().mkpath(path + QStringLiteral("/keep")));

        QSignalSpy failed(&session, &DocumentSession::saveFailed);
        QSignalSpy saved(&session, &DocumentSession::saved);
        const QString error = test::saveAndWait(session);
        QVERIFY2(error.contains(u"cannot write"), qPrintable(error));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(saved.count(), 0);
        QVERIFY(session.document()->isModified());
        QCOMPARE(session.document()->text(), edited);
        QVERIFY(QFileInfo(path).isDir());

        // Out of the way again: the same edits are saved.
        QVERIFY(QDir(path).removeRecursively());
        QCOMPARE(test::saveAndWait(session), QString());
        QVERIFY(!session.document()->isModified());
        QVERIFY(test::readFile(path).contains("\"Edited\""));
    }

    void saveAskedWhileSaving_runsAfterIt_withTheLaterText()
    {
        QVERIFY(openIndex(QStringLiteral("alpha")).isEmpty());
        DocumentSession &session = *m_session;
        typeIntoName(*session.document(), " 1");
        QStringList order;
        session.save([&order](const QString &error) { order << u"first:" + error; });
        typeIntoName(*session.document(), " 2");
        session.save([&order](const QString &error) { order << u"second:" + error; });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 5000);
        QCOMPARE(order, QStringList({QStringLiteral("first:"), QStringLiteral("second:")}));
        QVERIFY(test::readFile(m_repository->indexPath()).contains("\"Alpha 1 2\""));
        QVERIFY(!session.document()->isModified());
    }

    void newEntry_savedWhileTyping_isListed_andKeepsTheTypingUnsaved()
    {
        QVERIFY(openIndex().isEmpty());
        DocumentSession &session = *m_session;
        session.newPlugin({"gamma", "Gamma", "@c", {"chat"}}, true);
        QSignalSpy sourceChanged(&session, &DocumentSession::sourceChanged);
        std::optional<QString> result;
        session.save([&result](const QString &error) { result = error; });
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/id", "delta")});
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        // The entry is the one written (its id then), not the one typed since.
        QCOMPARE(session.source().entryId, std::optional<std::string>("gamma"));
        QCOMPARE(session.entries().size(), std::size_t(3));
        QCOMPARE(session.currentEntryRow(), 2);
        QCOMPARE(sourceChanged.count(), 1);
        QVERIFY(session.document()->isModified());
        QCOMPARE(session.document()->manifest().id, std::string("delta"));
    }

    void openingAnotherEntryWhileSaving_finishesTheSaveFirst()
    {
        QVERIFY(openIndex(QStringLiteral("beta")).isEmpty());
        DocumentSession &session = *m_session;
        typeIntoName(*session.document(), " 2");
        std::optional<QString> result;
        session.save([&result](const QString &error) { result = error; });
        QVERIFY(session.openEntry(0).isEmpty());
        QVERIFY(!session.isSaving());
        QVERIFY(test::readFile(m_repository->indexPath()).contains("\"Beta 2\""));
        QVERIFY(session.entries().at(1).text.find("Beta 2") != std::string::npos);
        QCOMPARE(session.document()->manifest().id, std::string("alpha"));
        QVERIFY(!session.document()->isModified());
        QVERIFY(!result); // told on the next turn of the event loop, not inside openEntry
        QTRY_COMPARE_WITH_TIMEOUT(result.value_or(QStringLiteral("pending")), QString(), 5000);
    }

    void diskCheckWhileSaving_waitsAndFindsNoChange()
    {
        QVERIFY(openIndex(QStringLiteral("beta")).isEmpty());
        DocumentSession &session = *m_session;
        typeIntoName(*session.document(), " 2");
        QSignalSpy asked(&session, &DocumentSession::changedOnDisk);
        QSignalSpy reloaded(&session, &DocumentSession::reloadedFromDisk);
        QSignalSpy checked(&session, &DocumentSession::diskChecked);
        session.save();
        typeIntoName(*session.document(), "b");
        session.checkDisk(); // as the watcher does when it sees the studio's own write
        QVERIFY(checked.wait(5000));
        QCOMPARE(asked.count() + reloaded.count(), 0);
        QVERIFY(session.document()->isModified());
    }

    void afterSave_runsAtOnceWhenIdle_elseWhenWritten()
    {
        QVERIFY(openIndex(QStringLiteral("beta")).isEmpty());
        DocumentSession &session = *m_session;
        bool ran = false;
        session.afterSave([&ran] { ran = true; });
        QVERIFY(ran);

        typeIntoName(*session.document(), " 2");
        session.save();
        ran = false;
        bool writtenFirst = false;
        session.afterSave([&] {
            ran = true;
            writtenFirst = test::readFile(m_repository->indexPath()).contains("\"Beta 2\"");
        });
        QVERIFY(!ran);
        QTRY_VERIFY_WITH_TIMEOUT(ran, 5000);
        QVERIFY(writtenFirst);
    }

private:
    // A fresh repository holding kIndex, opened at `entryId` (else its first entry).
    QString openIndex(const QString &entryId = {})
    {
        m_repository = std::make_unique<test::TemporaryRepository>();
        m_repository->writeIndex(kIndex);
        m_session = std::make_unique<DocumentSession>();
        return m_session->openRepository(m_repository->root(), entryId);
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<test::TemporaryRepository> m_repository;
    std::unique_ptr<DocumentSession> m_session;
};

QTEST_MAIN(SessionSaveTest)
#include "tst_sessionsave.moc"
