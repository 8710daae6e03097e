#include "SaveAndWait.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "document/IndexValidation.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace studio;

namespace {

const std::string kIndex =
    "[\n"
    "  {\n    \"id\": \"alpha\",\n    \"name\": \"Alpha\",\n    \"author\": \"@a\"\n  },\n"
    "  {\n    \"id\": \"beta\",\n    \"name\":   \"Beta\",\n    \"author\": \"@b\"\n  }\n"
    "]\n";

} // namespace

class DocumentSessionTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void openRepository_listsEntries_andOpensTheChosenOneDedented()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openPath(repository.root()).isEmpty());
        QCOMPARE(session.entries().size(), std::size_t(2));
        QCOMPARE(session.source().kind, DocumentSource::Kind::IndexEntry);
        QCOMPARE(session.document()->text(),
                 std::string(
                     "{\n  \"id\": \"alpha\",\n  \"name\": \"Alpha\",\n  \"author\": \"@a\"\n}"));
        QVERIFY(session.openEntry(1).isEmpty());
        QCOMPARE(session.document()->manifest().id, std::string("beta"));
        QCOMPARE(session.currentEntryRow(), 1);
        // The other entry's id goes to validation, for the duplicate check.
        QCOMPARE(session.validation()->options().siblings.size(), std::size_t(1));
        QCOMPARE(session.validation()->options().siblings.front().id, std::string("alpha"));
    }

    void save_insideTheIndex_changesOnlyThatEntrysBytes()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("beta")).isEmpty());
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Beta 2")});
        QVERIFY(test::saveAndWait(session).isEmpty());
        std::string expected = kIndex;
        expected.replace(expected.find("\"Beta\""), 6, "\"Beta 2\"");
        QCOMPARE(test::readFile(repository.indexPath()).toStdString(), expected);
        QVERIFY(!session.document()->isModified());
    }

    void save_refusesAnEntryThatWouldBreakTheIndex()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("beta")).isEmpty());
        session.document()->applyTyping({session.document()->text().size() - 1, "}", {}});
        const QString error = test::saveAndWait(session);
        QVERIFY(error.contains(QStringLiteral("does not parse")));
        QCOMPARE(test::readFile(repository.indexPath()).toStdString(), kIndex);
        QVERIFY(session.document()->isModified());
    }

    void newPlugin_inTheRepository_isAppendedOnSave()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(session.openRepository(repository.root()).isEmpty());
        session.newPlugin({"gamma", "Gamma", "@c", {"chat"}}, true);
        QVERIFY(session.document()->isModified());
        QCOMPARE(session.document()->manifest().image, std::string("/plugins/logos/gamma.png"));
        QVERIFY(test::saveAndWait(session).isEmpty());
        QCOMPARE(session.entries().size(), std::size_t(3));
        QCOMPARE(session.entries().back().id, std::string("gamma"));
        QCOMPARE(session.source().entryId, std::optional<std::string>("gamma"));
        const std::string index = test::readFile(repository.indexPath()).toStdString();
        const std::size_t lastEntryEnd = kIndex.rfind('}') + 1;
        QCOMPARE(index.substr(0, lastEntryEnd), kIndex.substr(0, lastEntryEnd));
        QVERIFY(index.find("\"gamma\"", lastEntryEnd) != std::string::npos);
    }

    void manifestFile_isSavedAsItIs_andFindsItsRepository()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        const QString path = repository.path(QStringLiteral("drafts/mine.json"));
        test::writeFile(path, "{\"id\": \"mine\",   \"name\": \"M\"}");
        DocumentSession session;
        QVERIFY(session.openPath(path).isEmpty());
        QCOMPARE(session.source().kind, DocumentSource::Kind::ManifestFile);
        QCOMPARE(session.source().repositoryRoot, QFileInfo(repository.root()).absoluteFilePath());
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Mine")});
        QVERIFY(test::saveAndWait(session).isEmpty());
        QCOMPARE(test::readFile(path), QByteArray("{\"id\": \"mine\",   \"name\": \"Mine\"}"));
    }

    void brokenIndex_opensAsOneTextDocumentToFix()
    {
        test::TemporaryRepository repository;
        repository.writeIndex("[\n  {\"id\": \"a\",}\n]\n");
        DocumentSession session;
        QSignalSpy notices(&session, &DocumentSession::notice);
        QVERIFY(session.openPath(repository.root()).isEmpty());
        QCOMPARE(notices.count(), 1);
        QVERIFY(notices.at(0).at(0).toString().contains(QStringLiteral("line 2")));
        QCOMPARE(session.source().kind, DocumentSource::Kind::ManifestFile);
        QVERIFY(session.source().filePath.endsWith(QStringLiteral("community-plugins.json")));
        QVERIFY(!session.document()->parses());
    }

    void openedIndexText_staysAsOpenedThroughSaves_andFollowsAnotherRepository()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QVERIFY(!session.openedIndexText());
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("beta")).isEmpty());
        QCOMPARE(session.openedIndexText().value_or(""), kIndex);
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Beta 2")});
        QVERIFY(test::saveAndWait(session).isEmpty());
        QVERIFY(session.indexText() != kIndex);
        QCOMPARE(session.openedIndexText().value_or(""), kIndex);
        // Reread after an export into the same repository: still the bytes as opened.
        QVERIFY(session.openRepository(repository.root(), QStringLiteral("beta")).isEmpty());
        QCOMPARE(session.openedIndexText().value_or(""), kIndex);

        test::TemporaryRepository other;
        other.writeIndex(session.indexText());
        QVERIFY(session.openRepository(other.root()).isEmpty());
        QCOMPARE(session.openedIndexText().value_or(""), session.indexText());
        session.closeDocument();
        QVERIFY(!session.openedIndexText());
    }

    void indexValidation_followsEveryReadOfTheIndex()
    {
        test::TemporaryRepository repository;
        repository.writeIndex(kIndex);
        DocumentSession session;
        QSignalSpy ready(session.indexValidation(), &IndexValidation::reportReady);
        QVERIFY(session.openRepository(repository.root()).isEmpty());
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(session.indexValidation()->report().entryCount, std::size_t(2));
        const std::size_t before = session.indexValidation()->report().count(Severity::Error);
        QVERIFY(before > 0);

        // Saving the entry without its author: one error more in the whole index.
        session.document()->edit(QStringLiteral("Edit"), {JsonEdit::remove("/author")});
        QVERIFY(test::saveAndWait(session).isEmpty());
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(session.indexValidation()->report().count(Severity::Error), before + 1);

        session.closeDocument();
        QCOMPARE(ready.count(), 3);
        QVERIFY(!session.indexValidation()->hasIndex());
    }

    void missingPaths_sayWhatIsWrong()
    {
        DocumentSession session;
        QVERIFY(session.openPath(QStringLiteral("/no/such/place"))
                    .contains(QStringLiteral("does not exist")));
        QTemporaryDir empty;
        QVERIFY(session.openPath(empty.path()).contains(QStringLiteral("not a plugin repository")));
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(DocumentSessionTest)
#include "tst_documentsession.moc"
