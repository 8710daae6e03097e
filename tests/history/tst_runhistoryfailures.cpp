#include "HistoryFixtures.h"
#include "TestFiles.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

// A history that cannot be used answers with an error saying what and where, at once, and
// never throws, aborts or blocks a run for long.
class RunHistoryFailuresTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void corruptFile_everyOperationSaysWhereAndWhy()
    {
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(char((i * 131 + 7) % 256));
        writeFile(path(), garbage);

        RunHistory history(path());
        const HistoryResult<qint64> recorded = history.record(plainRun(QStringLiteral("p"), at(1)));
        QVERIFY(!recorded.ok());
        QVERIFY2(recorded.error().contains(path()), qPrintable(recorded.error()));
        QVERIFY2(recorded.error().contains(u"not a database"), qPrintable(recorded.error()));
        QVERIFY(!history.list().ok());
        const HistoryResult<StoredRun> loaded = history.load(1);
        QVERIFY(!loaded.ok());
        QVERIFY(!loaded.isNotFound());
        QVERIFY(!history.remove(1).ok());
        QVERIFY(!history.prune({}).ok());
        QVERIFY(!history.limits().ok());
        QCOMPARE(readFile(path()), garbage); // left as it was, for the user to look at
    }

    void lockedByAnotherWriter_failsWithinTheBusyTimeout_thenWorksAgain()
    {
        {
            RunHistory first(path());
            QVERIFY(first.record(plainRun(QStringLiteral("p"), at(1))).ok());
        }
        auto locker = std::make_unique<RawDatabase>(path());
        QCOMPARE(locker->exec(QStringLiteral("BEGIN IMMEDIATE")), QString());
        QCOMPARE(locker->exec(QStringLiteral("INSERT INTO options (key, value) VALUES ('x', '1')")),
                 QString());

        RunHistory history(path(), 100);
        QElapsedTimer clock;
        clock.start();
        const HistoryResult<qint64> recorded = history.record(plainRun(QStringLiteral("p"), at(2)));
        QVERIFY(!recorded.ok());
        QVERIFY2(recorded.error().contains(u"locked"), qPrintable(recorded.error()));
        QVERIFY2(recorded.error().contains(path()), qPrintable(recorded.error()));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!history.remove(1).ok());
        QVERIFY(!history.setLimits({}).ok());
        // Readers are not blocked by a writer that has not committed yet.
        QCOMPARE(history.list().value().size(), 1);

        QCOMPARE(locker->exec(QStringLiteral("ROLLBACK")), QString());
        locker.reset();
        QVERIFY(history.record(plainRun(QStringLiteral("p"), at(2))).ok());
        QCOMPARE(history.list().value().size(), 2);
    }

    void readOnlyFolder_recordFails_readingCreatesNothing()
    {
        const QString folder = m_dir->filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        const auto restore = qScopeGuard([&folder] {
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        });
        QFile probe(folder + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            QSKIP("this user writes into read-only folders (root); see "
                  "folderThatCannotBeMade_recordFails for the same path");
        }
        RunHistory history(folder + QStringLiteral("/history.sqlite"));
        QVERIFY(history.list().ok());
        QVERIFY(history.list().value().isEmpty());
        const HistoryResult<qint64> recorded = history.record(plainRun(QStringLiteral("p"), at(1)));
        QVERIFY(!recorded.ok());
        QVERIFY2(recorded.error().contains(folder), qPrintable(recorded.error()));
    }

    void folderThatCannotBeMade_recordFails()
    {
        writeFile(m_dir->filePath(QStringLiteral("file")), "not a folder");
        const QString unusable = m_dir->filePath(QStringLiteral("file/history.sqlite"));
        RunHistory history(unusable);
        const HistoryResult<qint64> recorded = history.record(plainRun(QStringLiteral("p"), at(1)));
        QVERIFY(!recorded.ok());
        QVERIFY2(recorded.error().contains(unusable), qPrintable(recorded.error()));
        QVERIFY2(recorded.error().contains(u"cannot be made"), qPrintable(recorded.error()));
        QVERIFY(!history.setLimits({}).ok());
    }

    void newerSchema_isRefusedNotOverwritten()
    {
        {
            RunHistory history(path());
            QVERIFY(history.record(plainRun(QStringLiteral("p"), at(1))).ok());
        }
        {
            RawDatabase raw(path());
            QCOMPARE(raw.exec(QStringLiteral("UPDATE schema_version SET version = 99")), QString());
        }
        RunHistory history(path());
        const HistoryResult<QList<RunListing>> listed = history.list();
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().contains(u"newer Plugin Studio"), qPrintable(listed.error()));
        RawDatabase raw(path());
        QCOMPARE(raw.number(QStringLiteral("SELECT count(*) FROM runs")), 1);
    }

    void damagedRow_loadSaysWhich_listStillWorks()
    {
        RunHistory history(path());
        const qint64 id = history.record(bulkyRun(at(1), 10)).value();
        {
            RawDatabase raw(path());
            QCOMPARE(raw.exec(QStringLiteral("UPDATE requests SET record = '{\"result\": 5' "
                                             "WHERE run_id = %1")
                                  .arg(id)),
                     QString());
        }
        const HistoryResult<StoredRun> loaded = history.load(id);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(QStringLiteral("run %1 is damaged").arg(id)),
                 qPrintable(loaded.error()));
        QCOMPARE(history.list().value().size(), 1);
    }

    void unknownRun_isNotFound()
    {
        RunHistory history(path());
        QVERIFY(history.load(7).isNotFound());
        QVERIFY(history.record(plainRun(QStringLiteral("p"), at(1))).ok());
        const HistoryResult<StoredRun> loaded = history.load(7);
        QVERIFY(loaded.isNotFound());
        QVERIFY2(loaded.error().contains(u"no run 7"), qPrintable(loaded.error()));
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(RunHistoryFailuresTest)
#include "tst_runhistoryfailures.moc"
