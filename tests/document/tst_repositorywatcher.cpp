#include "TestFiles.h"
#include "document/RepositoryWatcher.h"
#include "io/TextFile.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace studio;

// Real files in a temporary folder, changed as other programs change them: plain writes,
// atomic replacements, deletions, folders that appear.
class RepositoryWatcherTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_watcher = std::make_unique<RepositoryWatcher>();
        m_watcher->setSettleDelay(50);
    }

    void missingFile_inMissingFolders_isReportedWhenItAppears()
    {
        const QString logo = path("plugins/logos/notes.png");
        m_watcher->setDependencies({logo});
        QVERIFY(m_watcher->armedPaths().contains(m_dir->path()));
        QSignalSpy changed(m_watcher.get(), &RepositoryWatcher::dependenciesChanged);

        QVERIFY(QDir().mkpath(path("plugins/logos")));
        QVERIFY(changed.wait(5000)); // a folder nearer the file appeared
        QTRY_VERIFY(m_watcher->armedPaths().contains(path("plugins/logos")));
        changed.clear();
        test::writeFile(logo, "png");
        QVERIFY(changed.wait(5000));
        QVERIFY(m_watcher->armedPaths().contains(logo));
    }

    void fileWrittenInPlace_replaced_thenWrittenAgain_isReportedEachTime()
    {
        const QString readme = path("README.md");
        test::writeFile(readme, "one");
        m_watcher->setDependencies({readme});
        QSignalSpy changed(m_watcher.get(), &RepositoryWatcher::dependenciesChanged);

        appendTo(readme, " two");
        QVERIFY(changed.wait(5000));
        // An atomic save puts a new file in its place: the watch must follow the new one.
        QVERIFY(TextFile::writeAtomically(readme, "three").empty());
        QVERIFY(changed.wait(5000));
        appendTo(readme, " four");
        QVERIFY(changed.wait(5000));
    }

    void fileWithAHardLink_replaced_isFollowedAsTheNewFile()
    {
        const QString readme = path("README.md");
        test::writeFile(readme, "one");
        // The old file lives on under its other name: no deletion event tells the watch.
        QCOMPARE(::link(QFile::encodeName(readme).constData(),
                        QFile::encodeName(path("README.backup")).constData()),
                 0);
        m_watcher->setDependencies({readme});
        QSignalSpy changed(m_watcher.get(), &RepositoryWatcher::dependenciesChanged);
        QVERIFY(TextFile::writeAtomically(readme, "two").empty());
        QVERIFY(changed.wait(5000));
        appendTo(readme, " three");
        QVERIFY(changed.wait(5000));
    }

    void deletedFile_isReported_andFollowedThroughItsFolder()
    {
        const QString logo = path("logos/notes.png");
        test::writeFile(logo, "png");
        m_watcher->setDependencies({logo});
        QSignalSpy changed(m_watcher.get(), &RepositoryWatcher::dependenciesChanged);
        QVERIFY(QFile::remove(logo));
        QVERIFY(changed.wait(5000));
        QVERIFY(!m_watcher->armedPaths().contains(logo));
        QVERIFY(m_watcher->armedPaths().contains(path("logos")));
        test::writeFile(logo, "png again");
        QVERIFY(changed.wait(5000));
    }

    void aBurstOfChanges_isReportedOnce()
    {
        QStringList files;
        for (int i = 0; i < 50; ++i) {
            files << path(QStringLiteral("logos/%1.png").arg(i));
            test::writeFile(files.back(), "png");
        }
        m_watcher->setDependencies(files);
        m_watcher->setSettleDelay(300);
        QSignalSpy changed(m_watcher.get(), &RepositoryWatcher::dependenciesChanged);
        // As a checkout does: one file after the other, the watcher noticing each.
        for (const QString &file : files) {
            appendTo(file, " again");
            QCoreApplication::processEvents();
        }
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
        QVERIFY(!changed.wait(800)); // nothing more after the burst settled
        QCOMPARE(changed.count(), 1);
    }

    void openDocuments_areNamed_andTheirFolderNeighboursAreNot()
    {
        const QString index = path("community-plugins.json");
        const QString draft = path("drafts/draft.json");
        test::writeFile(index, "[]");
        test::writeFile(draft, "{}");
        m_watcher->setDocuments({index, draft});
        QSignalSpy documents(m_watcher.get(), &RepositoryWatcher::documentsChanged);
        QSignalSpy dependencies(m_watcher.get(), &RepositoryWatcher::dependenciesChanged);

        QVERIFY(TextFile::writeAtomically(draft, "{ }").empty());
        QVERIFY(documents.wait(5000));
        QCOMPARE(documents.takeFirst().at(0).toStringList(), QStringList{draft});
        QCOMPARE(dependencies.count(), 0); // no dependency was set

        QVERIFY(QFile::remove(index));
        QVERIFY(documents.wait(5000));
        QCOMPARE(documents.takeFirst().at(0).toStringList(), QStringList{index});
    }

    void forgottenFiles_areNoLongerWatched()
    {
        const QString logo = path("logos/notes.png");
        test::writeFile(logo, "png");
        m_watcher->setDependencies({logo});
        QVERIFY(!m_watcher->armedPaths().isEmpty());
        m_watcher->setDependencies({});
        QVERIFY(m_watcher->armedPaths().isEmpty());
        QSignalSpy changed(m_watcher.get(), &RepositoryWatcher::dependenciesChanged);
        appendTo(logo, "more");
        QVERIFY(!changed.wait(300));
    }

private:
    QString path(const char *relative) const
    {
        return m_dir->filePath(QString::fromUtf8(relative));
    }
    QString path(const QString &relative) const { return m_dir->filePath(relative); }
    static void appendTo(const QString &file, const QByteArray &bytes)
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::Append));
        out.write(bytes);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RepositoryWatcher> m_watcher;
};

QTEST_GUILESS_MAIN(RepositoryWatcherTest)
#include "tst_repositorywatcher.moc"
