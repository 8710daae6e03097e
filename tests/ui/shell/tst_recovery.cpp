#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/Autosave.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/RecoveryFolder.h"
#include "document/RecoveryRecord.h"
#include "document/SessionAutosave.h"
#include "instructions/InstructionsEditor.h"
#include "io/DataFolder.h"
#include "settings/StudioSettings.h"
#include "shell/InstructionsRecovery.h"
#include "shell/MainWindow.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <signal.h>

using namespace studio;

class RecoveryTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_home = std::make_unique<test::IsolatedHome>();
        // The same names as the studio (and the helper), so both find the same folders.
        QCoreApplication::setApplicationName(QStringLiteral("Plugin Studio"));
        QCoreApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
        // start() opens the built-in plugin server: on any free port, never the user's.
        StudioSettings().setBuiltInServerPort(0);
    }

    void record_roundTripsThroughJson()
    {
        RecoveryRecord record;
        record.source.kind = DocumentSource::Kind::IndexEntry;
        record.source.filePath = QStringLiteral("/r/community-plugins.json");
        record.source.repositoryRoot = QStringLiteral("/r");
        record.source.entryId = "caf\xC3\xA9";
        record.source.entryPosition = 3;
        record.text = "{\n  \"id\": \"x\"\n}";
        record.savedAt = QDateTime::currentDateTimeUtc();
        record.processId = 42;
        const auto back = RecoveryRecord::fromJson(record.toJson());
        QVERIFY(back);
        QCOMPARE(back->source.identity(), record.source.identity());
        QCOMPARE(back->source.entryPosition, std::size_t(3));
        QCOMPARE(back->text, record.text);
        QCOMPARE(back->processId, 42);
        QVERIFY(!RecoveryRecord::fromJson("{\"format\": 99}"));
    }

    void killedStudio_offersItsEditsBackOnTheNextStart()
    {
        QTemporaryDir repository;
        test::copySampleRepository(repository.path());
        const QString index = repository.filePath(QStringLiteral("community-plugins.json"));
        const QByteArray indexBefore = test::readFile(index);

        editThenKill({repository.path(), QStringLiteral(" (recovered)")});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(test::readFile(index), indexBefore);

        MainWindow window;
        test::answerNextMessageBox(QStringLiteral("Restore"));
        window.start(QString());
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->document()->manifest().name,
                                  std::string("Socratic Coach (recovered)"), 10000);
        QCOMPARE(window.session()->source().entryId, std::optional<std::string>("socratic-coach"));
        QCOMPARE(QFileInfo(window.session()->repositoryRoot()).canonicalFilePath(),
                 QFileInfo(repository.path()).canonicalFilePath());
        // Back as unsaved edits: nothing was written to the index behind the user's back.
        QVERIFY(window.session()->document()->isModified());
        QCOMPARE(test::readFile(index), indexBefore);
        window.session()->document()->markSaved();
    }

    void discardingTheOffer_removesTheRecoveryFile()
    {
        const RecoveryRecord record = abandonedRecord(QStringLiteral("/nowhere/manifest.json"));
        Autosave store(Autosave::defaultDirectory(),
                       [] { return std::optional<RecoveryRecord>(); });
        QDir().mkpath(store.directory());
        test::writeFile(store.recordPath(record.key()), QByteArray::fromStdString(record.toJson()));
        QCOMPARE(store.pending().size(), std::size_t(1));

        MainWindow window;
        test::answerNextMessageBox(QStringLiteral("Discard"));
        window.start(QString());
        QTRY_VERIFY_WITH_TIMEOUT(store.pending().empty(), 10000);
        QVERIFY(!window.session()->document()->isModified());
    }

    void killedStudio_offersItsSetupInstructionsEditsBack()
    {
        QTemporaryDir repository;
        test::copySampleRepository(repository.path());
        const QString readme =
            repository.filePath(QStringLiteral("plugins/instructions/meeting-notes/README.md"));
        const QByteArray readmeBefore = test::readFile(readme);

        editThenKill({repository.path(), QStringLiteral("Typed just before the crash."),
                      QStringLiteral("meeting-notes")});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(test::readFile(readme), readmeBefore);

        // The next start opens another plugin; restoring switches to the draft's own.
        MainWindow window;
        test::answerNextMessageBox(QStringLiteral("Restore"));
        window.start(repository.path());
        InstructionsEditor *instructions = window.instructions();
        QTRY_VERIFY_WITH_TIMEOUT(QString::fromStdString(instructions->document()->text())
                                     .endsWith(u"Typed just before the crash."),
                                 10000);
        QCOMPARE(window.session()->source().entryId, std::optional<std::string>("meeting-notes"));
        QVERIFY(instructions->document()->isModified());
        QCOMPARE(test::readFile(readme), readmeBefore); // unsaved until the user says so

        // Saving writes the file and retires the draft.
        const QString draft = window.instructionsRecovery()->drafts()->recordPath(
            QFileInfo(readme).absoluteFilePath());
        QVERIFY(instructions->document()->save());
        QVERIFY(test::readFile(readme).endsWith("Typed just before the crash."));
        QTRY_VERIFY(!QFile::exists(draft));
        QVERIFY(window.instructionsRecovery()->drafts()->pending().empty());
    }

    void discardingTheInstructionsOffer_removesTheDraft()
    {
        QTemporaryDir repository;
        test::copySampleRepository(repository.path());
        RecoveryRecord draft;
        draft.source.kind = DocumentSource::Kind::IndexEntry;
        draft.source.filePath = repository.filePath(QStringLiteral("community-plugins.json"));
        draft.source.repositoryRoot = repository.path();
        draft.source.entryId = "focus-guardian";
        draft.instructionsFile =
            repository.filePath(QStringLiteral("plugins/instructions/focus-guardian/README.md"));
        draft.text = "# Edits nobody wants\n";
        draft.savedAt = QDateTime::currentDateTimeUtc();
        Autosave drafts(Autosave::defaultDirectory(QStringLiteral("instructions")),
                        [] { return std::optional<RecoveryRecord>(); });
        QDir().mkpath(drafts.directory());
        test::writeFile(drafts.recordPath(draft.key()), QByteArray::fromStdString(draft.toJson()));
        QCOMPARE(drafts.pending().size(), std::size_t(1));
        // Not the manifest's business: its own offer stays silent.
        QVERIFY(
            Autosave(Autosave::defaultDirectory(), [] { return std::optional<RecoveryRecord>(); })
                .pending()
                .empty());

        MainWindow window;
        test::answerNextMessageBox(QStringLiteral("Discard"));
        window.start(repository.path());
        QTRY_VERIFY_WITH_TIMEOUT(drafts.pending().empty(), 10000);
        QVERIFY(!window.instructions()->document()->isModified());
        QCOMPARE(window.session()->source().entryId, std::optional<std::string>("socratic-coach"));
    }

    // Edits an earlier version kept under Qt's application folder ("Plugin Studio/Plugin
    // Studio") are moved to the studio's data folder and offered from there.
    void recordsOfAnEarlierVersion_moveToTheDataFolder_andAreOffered()
    {
        const RecoveryRecord record = abandonedRecord(QStringLiteral("/nowhere/earlier.json"));
        const QString legacy = DataFolder::legacyPath() + QStringLiteral("/recovery");
        QVERIFY(legacy.contains(u"Plugin Studio/Plugin Studio"));
        test::writeFile(RecoveryFolder::recordPath(legacy, record.key()),
                        QByteArray::fromStdString(record.toJson()));

        const QString directory = Autosave::defaultDirectory();
        QVERIFY(directory.endsWith(u"/plugin-studio/recovery"));
        QVERIFY(!QFileInfo::exists(legacy));
        Autosave store(directory, [] { return std::optional<RecoveryRecord>(); });
        QCOMPARE(store.pending().size(), std::size_t(1));

        MainWindow window;
        test::answerNextMessageBox(QStringLiteral("Discard"));
        window.start(QString());
        QTRY_VERIFY_WITH_TIMEOUT(store.pending().empty(), 10000);
    }

private:
    // The edits of a manifest file that a studio no longer running left behind.
    static RecoveryRecord abandonedRecord(const QString &manifestPath)
    {
        RecoveryRecord record;
        record.source.kind = DocumentSource::Kind::ManifestFile;
        record.source.filePath = manifestPath;
        record.text = "{}";
        record.savedAt = QDateTime::currentDateTimeUtc();
        return record;
    }

    // Runs the helper studio until its autosave has written, then kills it as hard as a
    // crash or a power cut would: no chance to clean up.
    static void editThenKill(const QStringList &arguments)
    {
        QProcess studio;
        studio.start(QStringLiteral(RECOVERY_HELPER), arguments);
        QVERIFY2(studio.waitForStarted(), qPrintable(studio.errorString()));
        QByteArray output;
        while (!output.contains("ready") && studio.waitForReadyRead(20000))
            output += studio.readAllStandardOutput();
        QVERIFY2(output.contains("ready"), studio.readAllStandardError().constData());
        QCOMPARE(::kill(static_cast<pid_t>(studio.processId()), SIGKILL), 0);
        QVERIFY(studio.waitForFinished(10000));
        QCOMPARE(studio.exitStatus(), QProcess::CrashExit);
    }

    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(RecoveryTest)
#include "tst_recovery.moc"
