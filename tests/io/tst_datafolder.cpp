#include "TestFiles.h"
#include "io/DataFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

// The studio's data folder, in a temporary HOME and XDG_DATA_HOME as a user's would be,
// and what earlier versions left in Qt's application folder moving into it once.
class DataFolderTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // As the studio names itself: the legacy folder is ".../Plugin Studio/Plugin Studio".
        QCoreApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
        QCoreApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        qputenv("HOME", m_home->path().toUtf8());
        qputenv("XDG_DATA_HOME", m_home->filePath(QStringLiteral("data")).toUtf8());
        qunsetenv(DataFolder::kOverrideVariable);
    }

    void path_isOneFolderWithoutSpaces_unlessOverridden()
    {
        QCOMPARE(DataFolder::path(), m_home->filePath(QStringLiteral("data/plugin-studio")));
        QCOMPARE(DataFolder::legacyPath(),
                 m_home->filePath(QStringLiteral("data/Plugin Studio/Plugin Studio")));
        QCOMPARE(DataFolder::filePath(QStringLiteral("history.sqlite")),
                 m_home->filePath(QStringLiteral("data/plugin-studio/history.sqlite")));
        qputenv(DataFolder::kOverrideVariable, m_home->filePath(QStringLiteral("mine")).toUtf8());
        QCOMPARE(DataFolder::path(), m_home->filePath(QStringLiteral("mine")));
        qunsetenv(DataFolder::kOverrideVariable);
    }

    void legacyFile_movesOnce_withItsCompanions()
    {
        writeFile(legacy("history.sqlite"), "database");
        writeFile(legacy("history.sqlite-journal"), "journal");
        QVERIFY(DataFolder::moveFromLegacy(QStringLiteral("history.sqlite"),
                                           {QStringLiteral("-journal"), QStringLiteral("-wal")}));
        QCOMPARE(readFile(current("history.sqlite")), QByteArray("database"));
        QCOMPARE(readFile(current("history.sqlite-journal")), QByteArray("journal"));
        QVERIFY(!QFileInfo::exists(legacy("history.sqlite")));
        QVERIFY(!QFileInfo::exists(legacy("history.sqlite-journal")));
        QVERIFY(!QFileInfo::exists(current("history.sqlite-wal")));

        // Once: an earlier version run again later does not take over the new one.
        writeFile(legacy("history.sqlite"), "older");
        QVERIFY(!DataFolder::moveFromLegacy(QStringLiteral("history.sqlite")));
        QCOMPARE(readFile(current("history.sqlite")), QByteArray("database"));
        QCOMPARE(readFile(legacy("history.sqlite")), QByteArray("older"));
    }

    void legacyFolder_movesOverEmptyFolders_butNeverOverData()
    {
        writeFile(legacy("recovery/a.json"), "a");
        writeFile(legacy("recovery/instructions/b.json"), "b");
        QVERIFY(QDir().mkpath(current("recovery/instructions"))); // made, never written to
        QVERIFY(DataFolder::moveFromLegacy(QStringLiteral("recovery")));
        QCOMPARE(readFile(current("recovery/a.json")), QByteArray("a"));
        QCOMPARE(readFile(current("recovery/instructions/b.json")), QByteArray("b"));
        QVERIFY(!QFileInfo::exists(legacy("recovery")));

        writeFile(legacy("recovery/c.json"), "c");
        QVERIFY(!DataFolder::moveFromLegacy(QStringLiteral("recovery")));
        QVERIFY(!QFileInfo::exists(current("recovery/c.json")));
        QCOMPARE(readFile(legacy("recovery/c.json")), QByteArray("c"));
    }

    void overriddenFolder_leavesTheUsersDataAlone()
    {
        writeFile(legacy("history.sqlite"), "the user's");
        qputenv(DataFolder::kOverrideVariable, m_home->filePath(QStringLiteral("mine")).toUtf8());
        QVERIFY(!DataFolder::moveFromLegacy(QStringLiteral("history.sqlite")));
        QVERIFY(!QFileInfo::exists(m_home->filePath(QStringLiteral("mine/history.sqlite"))));
        QCOMPARE(readFile(legacy("history.sqlite")), QByteArray("the user's"));
        qunsetenv(DataFolder::kOverrideVariable);
    }

    void nothingLeft_movesNothing()
    {
        QVERIFY(!DataFolder::moveFromLegacy(QStringLiteral("history.sqlite")));
        QVERIFY(!QFileInfo::exists(DataFolder::path()));
    }

private:
    QString legacy(const char *name) const
    {
        return QDir(DataFolder::legacyPath()).filePath(QString::fromLatin1(name));
    }
    QString current(const char *name) const
    {
        return DataFolder::filePath(QString::fromLatin1(name));
    }

    std::unique_ptr<QTemporaryDir> m_home;
};

QTEST_GUILESS_MAIN(DataFolderTest)
#include "tst_datafolder.moc"
