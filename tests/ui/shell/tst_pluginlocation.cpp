#include "TestFiles.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "project/CliCommand.h"
#include "project/SampleRepository.h"
#include "settings/StudioSettings.h"
#include "shell/MainWindow.h"
#include "shell/PluginLocationActions.h"
#include "shell/SessionController.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QProcess>
#include <QTest>
#include <QUrl>

using namespace studio;

// Catches what Reveal in File Manager asks the desktop to open.
class UrlCatcher : public QObject
{
    Q_OBJECT

public slots:
    void open(const QUrl &url) { opened << url; }

public:
    QList<QUrl> opened;
};

// Where the plugin lives, for work outside the studio: the sample's folder, the file
// manager, the command line.
class PluginLocationTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_home = std::make_unique<test::IsolatedHome>();
        // The studio's own names, which made the old path say them twice.
        QCoreApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
        QCoreApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    }

    void init() { QSettings().clear(); }

    void sampleWorkingCopy_livesUnderOneCleanName()
    {
        const QString copy = SampleRepository::workingCopy();
        QVERIFY(copy.endsWith(u"/plugin-studio/sample-repository"));
        QVERIFY2(!copy.contains(u' '), qPrintable(copy));
        QVERIFY(QFileInfo::exists(copy + QStringLiteral("/community-plugins.json")));
        QVERIFY(!SampleRepository::legacyWorkingCopyPath().endsWith(
            u"/plugin-studio/sample-repository"));
        QDir(copy).removeRecursively();
    }

    // A copy an earlier version made keeps the user's edits: it moves, and the recent
    // files follow it.
    void legacyWorkingCopy_movesWithTheUsersEdits()
    {
        const QString legacy = SampleRepository::legacyWorkingCopyPath();
        QVERIFY(legacy.contains(u"Plugin Studio/Plugin Studio"));
        test::copySampleRepository(legacy);
        const QString index = legacy + QStringLiteral("/community-plugins.json");
        QByteArray edited = test::readFile(index);
        edited.replace("Socratic Coach", "Socratic Coach Edited");
        test::writeFile(index, edited);
        {
            StudioSettings settings;
            settings.addRecentFile(legacy);
            settings.setLastRepository(legacy);
        }

        MainWindow window;
        window.start({});
        const QString moved = SampleRepository::workingCopyPath();
        QCOMPARE(window.session()->repositoryRoot(), moved);
        QVERIFY(!QFileInfo::exists(legacy));
        QVERIFY(test::readFile(moved + QStringLiteral("/community-plugins.json"))
                    .contains("Socratic Coach Edited"));
        StudioSettings settings;
        QCOMPARE(settings.recentFiles().value(0), moved);
        QCOMPARE(settings.lastRepository(), moved);
        QDir(moved).removeRecursively();
    }

    void revealInFileManager_opensTheRepositoryFolder()
    {
        QTemporaryDir folder;
        const QString repository =
            test::copySampleRepository(folder.filePath(QStringLiteral("my plugins")));
        MainWindow window;
        QVERIFY(window.session()->openRepository(repository).isEmpty());
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
        window.actions()->action(ActionId::RevealInFileManager)->trigger();
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(catcher.opened, QList<QUrl>{QUrl::fromLocalFile(repository)});
    }

    // The copied command, run by a shell, checks this very index.
    void copyValidateCommand_runsAsCopied()
    {
        QTemporaryDir folder;
        const QString repository =
            test::copySampleRepository(folder.filePath(QStringLiteral("it's my plugins")));
        MainWindow window;
        QVERIFY(window.session()->openRepository(repository).isEmpty());
        QAction *copy = window.actions()->action(ActionId::CopyValidateCommand);
        QVERIFY(copy->isEnabled());
        copy->trigger();
        const QString command = QApplication::clipboard()->text();
        QCOMPARE(command,
                 QStringLiteral("plugin-studio validate ") +
                     CliCommand::quoted(repository + QStringLiteral("/community-plugins.json")));
        QCOMPARE(run(command), 0); // the samples are clean
    }

    void copySimulateCommand_followsTheTrigger()
    {
        QTemporaryDir folder;
        const QString repository =
            test::copySampleRepository(folder.filePath(QStringLiteral("repo")));
        const QString index =
            CliCommand::quoted(repository + QStringLiteral("/community-plugins.json"));
        MainWindow window;
        QVERIFY(window.session()->openRepository(repository).isEmpty());
        QAction *copy = window.actions()->action(ActionId::CopySimulateCommand);
        QVERIFY(!copy->isEnabled()); // socratic-coach has no webhook

        window.controller()->chooseEntry(1); // meeting-notes: memory_creation
        QVERIFY(copy->isEnabled());
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("plugin-studio simulate memory --manifest %1 --entry meeting-notes")
                     .arg(index));

        window.controller()->chooseEntry(2); // live-fact-checker: transcript_processed
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("plugin-studio simulate transcript --manifest %1 --entry "
                                "live-fact-checker --transcript %2 --fast")
                     .arg(index, CliCommand::quoted(SampleRepository::sampleTranscript())));
    }

private:
    // Runs a copied command with the built executable in place of the name on PATH.
    static int run(QString command)
    {
        command.replace(0, QStringLiteral("plugin-studio").size(),
                        CliCommand::quoted(QStringLiteral(STUDIO_EXECUTABLE)));
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        if (!shell.waitForFinished(60000))
            return -1;
        return shell.exitCode();
    }

    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(PluginLocationTest)
#include "tst_pluginlocation.moc"
