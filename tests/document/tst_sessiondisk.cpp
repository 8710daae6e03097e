#include "SaveAndWait.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "io/TextFile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace studio;

namespace {

const std::string kIndex =
    "[\n"
    "  {\n    \"id\": \"alpha\",\n    \"name\": \"Alpha\",\n    \"author\": \"@a\"\n  },\n"
    "  {\n    \"id\": \"beta\",\n    \"name\": \"Beta\",\n    \"author\": \"@b\"\n  }\n"
    "]\n";

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    text.replace(text.find(from), from.size(), to);
    return text;
}

} // namespace

// The session following its file when another program changes it (checkDisk is what the
// window calls when the watcher sees the file change).
class SessionDiskTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void unmodified_changedOnDisk_isReloaded_asOneUndoableStep()
    {
        test::TemporaryRepository repository;
        const QString path = repository.path(QStringLiteral("mine.json"));
        test::writeFile(path, "{\"id\": \"mine\", \"name\": \"Mine\"}");
        DocumentSession session;
        QVERIFY(session.openManifestFile(path).isEmpty());
        QSignalSpy reloaded(&session, &DocumentSession::reloadedFromDisk);
        QSignalSpy asked(&session, &DocumentSession::changedOnDisk);

        test::writeFile(path, "{\"id\": \"mine\", \"name\": \"Theirs\"}");
        session.checkDisk();
        QVERIFY(reloaded.wait(5000));
        QCOMPARE(asked.count(), 0);
        QCOMPARE(session.document()->manifest().name, std::string("Theirs"));
        QVERIFY(!session.document()->isModified());
        session.document()->undoStack()->undo();
        QCOMPARE(session.document()->manifest().name, std::string("Mine"));
        QVERIFY(session.document()->isModified()); // no longer what the file holds
    }

    void ownSave_isNotAChange()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("beta")).isEmpty());
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Beta 2")});
        QVERIFY(test::saveAndWait(session).isEmpty());
        QSignalSpy reloaded(&session, &DocumentSession::reloadedFromDisk);
        QSignalSpy asked(&session, &DocumentSession::changedOnDisk);
        QSignalSpy entries(&session, &DocumentSession::entriesChanged);
        QSignalSpy checked(&session, &DocumentSession::diskChecked);
        session.checkDisk();
        QVERIFY(checked.wait(5000));
        QCOMPARE(reloaded.count() + asked.count() + entries.count(), 0);
    }

    void modified_changedOnDisk_asks_andReloadTakesTheDisksText()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("alpha")).isEmpty());
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Mine")});
        QSignalSpy asked(&session, &DocumentSession::changedOnDisk);

        repository.writeIndex(replaced(kIndex, "\"Alpha\"", "\"Theirs\""));
        session.checkDisk();
        QVERIFY(asked.wait(5000));
        QCOMPARE(session.document()->manifest().name, std::string("Mine")); // nothing yet
        QVERIFY(session.changedDiskText()->find("\"Theirs\"") != std::string::npos);
        session.reloadFromDisk();
        QCOMPARE(session.document()->manifest().name, std::string("Theirs"));
        QVERIFY(!session.document()->isModified());
        session.document()->undoStack()->undo(); // the edits are not lost for good
        QCOMPARE(session.document()->manifest().name, std::string("Mine"));
    }

    void modified_changedOnDisk_keepingTheEdits_leavesThemUnsaved_andAsksNoMore()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("alpha")).isEmpty());
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Mine")});
        QSignalSpy asked(&session, &DocumentSession::changedOnDisk);
        repository.writeIndex(replaced(kIndex, "\"Alpha\"", "\"Theirs\""));
        session.checkDisk();
        QVERIFY(asked.wait(5000));
        session.keepEditsOverDisk();
        QCOMPARE(session.document()->manifest().name, std::string("Mine"));
        QVERIFY(session.document()->isModified());
        session.document()->undoStack()->undo();
        QVERIFY(session.document()->isModified()); // no step of the history is on disk

        QSignalSpy checked(&session, &DocumentSession::diskChecked);
        session.checkDisk();
        QVERIFY(checked.wait(5000));
        QCOMPARE(asked.count(), 1);
        session.document()->undoStack()->redo();
        QVERIFY(test::saveAndWait(session).isEmpty());
        QVERIFY(test::readFile(repository.indexPath()).contains("\"Mine\""));
    }

    void anotherEntryChanged_refreshesTheList_andLeavesTheDocument()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("beta")).isEmpty());
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Mine")});
        QSignalSpy entries(&session, &DocumentSession::entriesChanged);
        QSignalSpy asked(&session, &DocumentSession::changedOnDisk);
        repository.writeIndex(replaced(kIndex, "\"Alpha\"", "\"Alpha Two\""));
        session.checkDisk();
        QVERIFY(entries.wait(5000));
        QCOMPARE(session.entries().front().name, std::string("Alpha Two"));
        QCOMPARE(session.document()->manifest().name, std::string("Mine"));
        QCOMPARE(asked.count(), 0);
        QCOMPARE(session.currentEntryRow(), 1);
    }

    void deletedFile_keepsTheText_asUnsavedWork_untilSaved()
    {
        test::TemporaryRepository repository;
        const QString path = repository.path(QStringLiteral("mine.json"));
        test::writeFile(path, "{\"id\": \"mine\"}");
        DocumentSession session;
        QVERIFY(session.openManifestFile(path).isEmpty());
        QSignalSpy missing(&session, &DocumentSession::missingOnDiskChanged);
        QVERIFY(QFile::remove(path));
        session.checkDisk();
        QVERIFY(missing.wait(5000));
        QCOMPARE(missing.takeFirst().at(0).toBool(), true);
        QVERIFY(session.isMissingOnDisk());
        QVERIFY(session.missingReason().contains(QStringLiteral("mine.json was deleted")));
        QCOMPARE(session.document()->text(), std::string("{\"id\": \"mine\"}"));
        QVERIFY(session.document()->isModified());

        QVERIFY(test::saveAndWait(session).isEmpty());
        QCOMPARE(missing.takeFirst().at(0).toBool(), false);
        QVERIFY(!session.isMissingOnDisk());
        QCOMPARE(test::readFile(path), QByteArray("{\"id\": \"mine\"}"));
    }

    void entryRemovedFromTheIndex_isMissing_andSaysWhich()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("beta")).isEmpty());
        QSignalSpy missing(&session, &DocumentSession::missingOnDiskChanged);
        const std::size_t beta = kIndex.find(",\n  {\n    \"id\": \"beta\"");
        repository.writeIndex(kIndex.substr(0, beta) + "\n]\n");
        session.checkDisk();
        QVERIFY(missing.wait(5000));
        QVERIFY(session.missingReason().contains(QStringLiteral("no longer has the entry 'beta'")));
        QCOMPARE(session.document()->manifest().id, std::string("beta"));
        QVERIFY(session.document()->isModified());
        QCOMPARE(session.entries().size(), std::size_t(1));
    }

    void deletedThenRestored_asItWas_isSavedAgain()
    {
        test::TemporaryRepository repository;
        const QString path = repository.path(QStringLiteral("mine.json"));
        test::writeFile(path, "{\"id\": \"mine\"}");
        DocumentSession session;
        QVERIFY(session.openManifestFile(path).isEmpty());
        QSignalSpy missing(&session, &DocumentSession::missingOnDiskChanged);
        QVERIFY(QFile::remove(path));
        session.checkDisk();
        QVERIFY(missing.wait(5000));
        test::writeFile(path, "{\"id\": \"mine\"}"); // a checkout removes, then writes
        session.checkDisk();
        QVERIFY(missing.wait(5000));
        QVERIFY(!session.isMissingOnDisk());
        QVERIFY(!session.document()->isModified());
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(SessionDiskTest)
#include "tst_sessiondisk.moc"
