#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/Autosave.h"
#include "document/DocumentSession.h"
#include "document/FileFollower.h"
#include "document/InstructionsDocument.h"
#include "document/SessionAutosave.h"
#include "manifest/PluginManifest.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace studio;

namespace {

const std::string kReadmePath = "/plugins/instructions/notion-crm/README.md";
const QString kReadme = QStringLiteral("plugins/instructions/notion-crm/README.md");

// A repository holding the plugin's README, and its document open on it.
struct OpenInstructions
{
    explicit OpenInstructions(const QByteArray &markdown = "# Setup\n\n1. Connect.\n")
    {
        repository.write(kReadme, markdown);
        document.setLocation(kReadmePath, repository.root());
    }

    QString readme() const { return repository.path(kReadme); }
    // Has the document look at its file, as the window does when the watcher sees a change.
    bool checkDisk()
    {
        QSignalSpy checked(document.disk(), &FileFollower::checked);
        document.checkDisk();
        return checked.wait(5000);
    }

    test::TemporaryRepository repository;
    InstructionsDocument document;
};

} // namespace

// The setup instructions as a document: their file, their text as edited and as on disk,
// saving, and following the file when other programs change it (real files, no window).
class InstructionsDocumentTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void open_readsTheFile_unmodified()
    {
        OpenInstructions open;
        QCOMPARE(open.document.state(), InstructionsDocument::State::Open);
        QCOMPARE(open.document.text(), std::string("# Setup\n\n1. Connect.\n"));
        QCOMPARE(open.document.filePath(), open.readme());
        QVERIFY(!open.document.isModified());
        QCOMPARE(open.document.undoStack()->count(), 0);
        QVERIFY(open.document.disk()->isFollowing());
    }

    void location_withoutAFileToOpen_saysWhy()
    {
        test::TemporaryRepository repository;
        InstructionsDocument document;
        QSignalSpy states(&document, &InstructionsDocument::stateChanged);
        document.setLocation("", repository.root());
        QCOMPARE(document.state(), InstructionsDocument::State::NoPath);
        document.setLocation("plugins/x/README.md", repository.root());
        QCOMPARE(document.state(), InstructionsDocument::State::NoPath);
        QVERIFY(document.problem().contains(u"starts with '/'"));
        document.setLocation(kReadmePath, std::nullopt);
        QCOMPARE(document.state(), InstructionsDocument::State::NoRepository);
        document.setLocation(kReadmePath, repository.root());
        QCOMPARE(document.state(), InstructionsDocument::State::Missing);
        QVERIFY(QDir().mkpath(repository.path(kReadme))); // a folder where the file should be
        QVERIFY(document.openIfClosed());
        QCOMPARE(document.state(), InstructionsDocument::State::Unreadable);
        QVERIFY(!document.problem().isEmpty());
        QCOMPARE(states.count(), 3); // it starts as NoPath: NoRepository, Missing, Unreadable
        QVERIFY(document.text().empty());
        QVERIFY(!document.isModified());
        QVERIFY(!document.save());
        QVERIFY(document.lastError().contains(u"no open instructions"));
    }

    void missingFile_isCreatedFromTheTemplate_neverOverAFile()
    {
        test::TemporaryRepository repository;
        InstructionsDocument document;
        document.setLocation(kReadmePath, repository.root());
        QCOMPARE(document.state(), InstructionsDocument::State::Missing);
        PluginManifest manifest;
        manifest.id = "notion-crm";
        manifest.name = "Notion CRM";
        QSignalSpy opened(&document, &InstructionsDocument::opened);
        QVERIFY(document.createFromTemplate(manifest));
        QCOMPARE(document.state(), InstructionsDocument::State::Open);
        QCOMPARE(opened.count(), 1);
        QVERIFY(document.text().starts_with("# Set up Notion CRM\n"));
        QCOMPARE(test::readFile(repository.path(kReadme)).toStdString(), document.text());
        QVERIFY(!document.isModified());
        QVERIFY(!document.createFromTemplate(manifest));
        QVERIFY(document.lastError().contains(u"already exists"));
    }

    void edit_thenSave_writesAtomically_andIsNotAChangeOnDisk()
    {
        OpenInstructions open;
        QSignalSpy modified(&open.document, &TextDocument::modifiedChanged);
        open.document.applyTyping({open.document.text().size(), {}, "2. Done.\n"});
        QVERIFY(open.document.isModified());
        QCOMPARE(modified.count(), 1);
        QSignalSpy saved(&open.document, &InstructionsDocument::saved);
        QVERIFY(open.document.save());
        QCOMPARE(saved.count(), 1);
        QVERIFY(!open.document.isModified());
        QCOMPARE(test::readFile(open.readme()), QByteArray("# Setup\n\n1. Connect.\n2. Done.\n"));
        QCOMPARE(QDir(QFileInfo(open.readme()).absolutePath()).entryList(QDir::Files),
                 QStringList{QStringLiteral("README.md")});

        QSignalSpy reloaded(open.document.disk(), &FileFollower::reloadedFromDisk);
        QSignalSpy asked(open.document.disk(), &FileFollower::changedOnDisk);
        QVERIFY(open.checkDisk());
        QCOMPARE(reloaded.count() + asked.count(), 0); // its own save
    }

    void save_thatFails_keepsTheEdits_andSaysWhy()
    {
        OpenInstructions open;
        open.document.replaceText("changed\n", QStringLiteral("Edit"));
        QVERIFY(QFile::remove(open.readme()));
        QVERIFY(QDir().mkpath(open.readme()));
        QSignalSpy error(&open.document, &InstructionsDocument::errorOccurred);
        QVERIFY(!open.document.save());
        QCOMPARE(error.count(), 1);
        QVERIFY(open.document.lastError().contains(u"cannot write"));
        QVERIFY(open.document.isModified());
        QCOMPARE(open.document.text(), std::string("changed\n"));
    }

    void changedOnDisk_withoutEdits_isReloaded_asOneUndoableStep()
    {
        OpenInstructions open;
        QSignalSpy reloaded(open.document.disk(), &FileFollower::reloadedFromDisk);
        QSignalSpy asked(open.document.disk(), &FileFollower::changedOnDisk);
        test::writeFile(open.readme(), "# Setup, theirs\n\n1. Connect.\n");
        QVERIFY(open.checkDisk());
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(asked.count(), 0);
        QCOMPARE(open.document.text(), std::string("# Setup, theirs\n\n1. Connect.\n"));
        QVERIFY(!open.document.isModified());
        QCOMPARE(open.document.undoStack()->undoText(), QStringLiteral("Reload from Disk"));
        open.document.undoStack()->undo();
        QCOMPARE(open.document.text(), std::string("# Setup\n\n1. Connect.\n"));
        QVERIFY(open.document.isModified()); // no longer what the file holds
    }

    void changedOnDisk_withEdits_asks_andReloadTakesTheDisksText()
    {
        OpenInstructions open;
        open.document.applyTyping({0, {}, "Mine. "});
        QSignalSpy asked(open.document.disk(), &FileFollower::changedOnDisk);
        test::writeFile(open.readme(), "Theirs.\n");
        QVERIFY(open.checkDisk());
        QCOMPARE(asked.count(), 1);
        QCOMPARE(open.document.text(),
                 std::string("Mine. # Setup\n\n1. Connect.\n")); // nothing yet
        QCOMPARE(*open.document.disk()->changedDiskText(), std::string("Theirs.\n"));
        open.document.disk()->reloadFromDisk();
        QCOMPARE(open.document.text(), std::string("Theirs.\n"));
        QVERIFY(!open.document.isModified());
        open.document.undoStack()->undo(); // the edits are not lost for good
        QCOMPARE(open.document.text(), std::string("Mine. # Setup\n\n1. Connect.\n"));
    }

    void changedOnDisk_withEdits_keepingThem_leavesThemUnsaved_andAsksNoMore()
    {
        OpenInstructions open;
        open.document.applyTyping({0, {}, "Mine. "});
        QSignalSpy asked(open.document.disk(), &FileFollower::changedOnDisk);
        test::writeFile(open.readme(), "Theirs.\n");
        QVERIFY(open.checkDisk());
        open.document.disk()->keepEditsOverDisk();
        QVERIFY(open.document.isModified());
        open.document.undoStack()->undo();
        QVERIFY(open.document.isModified()); // no step of the history is on disk
        open.document.undoStack()->redo();
        QVERIFY(open.checkDisk());
        QCOMPARE(asked.count(), 1);
        QVERIFY(open.document.save());
        QCOMPARE(test::readFile(open.readme()), QByteArray("Mine. # Setup\n\n1. Connect.\n"));
    }

    void deletedFile_keepsTheText_asUnsavedWork_untilSaved()
    {
        OpenInstructions open;
        QSignalSpy missing(open.document.disk(), &FileFollower::missingOnDiskChanged);
        QVERIFY(QFile::remove(open.readme()));
        QVERIFY(open.checkDisk());
        QCOMPARE(missing.count(), 1);
        QCOMPARE(missing.takeFirst().at(0).toBool(), true);
        QVERIFY(open.document.disk()->isMissingOnDisk());
        QCOMPARE(open.document.state(), InstructionsDocument::State::Open);
        QCOMPARE(open.document.text(), std::string("# Setup\n\n1. Connect.\n"));
        QVERIFY(open.document.isModified());

        QVERIFY(open.document.save());
        QCOMPARE(missing.takeFirst().at(0).toBool(), false);
        QVERIFY(!open.document.isModified());
        QCOMPARE(test::readFile(open.readme()), QByteArray("# Setup\n\n1. Connect.\n"));
    }

    void deletedThenRestoredAsItWas_isSavedAgain()
    {
        OpenInstructions open;
        QVERIFY(QFile::remove(open.readme()));
        QVERIFY(open.checkDisk());
        QVERIFY(open.document.isModified());
        test::writeFile(open.readme(), "# Setup\n\n1. Connect.\n");
        QVERIFY(open.checkDisk());
        QVERIFY(!open.document.disk()->isMissingOnDisk());
        QVERIFY(!open.document.isModified());
    }

    void restoredText_isOneUndoableStep_leftUnsaved()
    {
        OpenInstructions open;
        QVERIFY(open.document.restoreText("# Setup\n\n1. Connect.\n2. Recovered.\n"));
        QVERIFY(open.document.isModified());
        QCOMPARE(open.document.undoStack()->count(), 1);
        open.document.undoStack()->undo();
        QCOMPARE(open.document.text(), std::string("# Setup\n\n1. Connect.\n"));
        QVERIFY(!open.document.isModified());
    }

    // The unsaved text is kept under the file's name with the plugin's source, written at
    // once when the file is deleted, and gone once saved.
    void autosave_keepsTheUnsavedText_untilSaved()
    {
        OpenInstructions open;
        DocumentSession session;
        const std::unique_ptr<Autosave> drafts(autosaveInstructions(
            &open.document, &session, QDir(m_home->path()).filePath(QStringLiteral("drafts"))));
        drafts->setDelay(60000); // only the deletion writes within the test's time
        const QString record = drafts->recordPath(open.readme());
        open.document.applyTyping({0, {}, "Draft. "});
        QVERIFY(!QFile::exists(record));
        QVERIFY(QFile::remove(open.readme()));
        QVERIFY(open.checkDisk());
        QVERIFY(QFile::exists(record));
        const auto saved = RecoveryRecord::fromJson(test::readFile(record).toStdString());
        QVERIFY(saved);
        QCOMPARE(saved->instructionsFile, open.readme());
        QCOMPARE(saved->text, std::string("Draft. # Setup\n\n1. Connect.\n"));

        QVERIFY(open.document.save());
        QVERIFY(!QFile::exists(record));
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(InstructionsDocumentTest)
#include "tst_instructionsdocument.moc"
