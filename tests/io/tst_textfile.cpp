#include "TestFiles.h"
#include "io/TextFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace studio;
using namespace studio::test;

class TextFileTest : public QObject
{
    Q_OBJECT

private slots:
    void read_returnsTheBytes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.json"));
        writeFile(path, "{\"a\": \"\xC3\xA9\"}");
        const TextFileRead read = TextFile::read(path);
        QVERIFY(read.ok);
        QCOMPARE(read.bytes, std::string("{\"a\": \"\xC3\xA9\"}"));
    }

    void read_refusesWhatIsNotADocument_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing") << "missing"
                                 << "no such file";
        QTest::newRow("directory") << "directory"
                                   << "it is a directory";
        QTest::newRow("100 MB") << "huge"
                                << "it is 100 MB, over the 32 MB limit";
        QTest::newRow("device") << "device"
                                << "not a regular file";
    }

    void read_refusesWhatIsNotADocument()
    {
        QFETCH(QString, kind);
        QFETCH(QString, error);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("doc.json"));
        if (kind == u"directory") {
            QDir().mkpath(path);
        } else if (kind == u"huge") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(100LL * 1024 * 1024)); // sparse: costs no disk
        } else if (kind == u"device") {
            path = QStringLiteral("/dev/null");
        }
        const TextFileRead read = TextFile::read(path);
        QVERIFY(!read.ok);
        QVERIFY(read.bytes.empty());
        QVERIFY2(QString::fromStdString(read.error).contains(error), read.error.c_str());
        QVERIFY2(QString::fromStdString(read.error).contains(path), read.error.c_str());
    }

    void writeAtomically_replacesTheFileWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("index.json"));
        writeFile(path, "old");
        QCOMPARE(TextFile::writeAtomically(path, "new content"), std::string());
        QCOMPARE(readFile(path), QByteArray("new content"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
    }

    void writeAtomically_ontoAFolder_failsAndLeavesIt()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("community-plugins.json"));
        QDir().mkpath(folder);
        writeFile(folder + u"/keep.txt", "kept");
        const std::string error = TextFile::writeAtomically(folder, "new");
        QVERIFY2(QString::fromStdString(error).contains(u"cannot write"), error.c_str());
        QVERIFY(QFileInfo(folder).isDir());
        QCOMPARE(readFile(folder + u"/keep.txt"), QByteArray("kept"));
    }

    void writeAtomically_keepsModeAndOwner()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("community-plugins.json"));
        writeFile(path, "old");
        const QByteArray native = QFile::encodeName(path);
        QCOMPARE(::chmod(native.constData(), 0640), 0);
        const bool root = ::geteuid() == 0;
        if (root)
            QCOMPARE(::chown(native.constData(), 4321, 4322), 0);

        QCOMPARE(TextFile::writeAtomically(path, "new"), std::string());
        struct stat written = {};
        QCOMPARE(::stat(native.constData(), &written), 0);
        QCOMPARE(written.st_mode & 07777, mode_t(0640));
        if (root) {
            QCOMPARE(written.st_uid, uid_t(4321));
            QCOMPARE(written.st_gid, gid_t(4322));
        }
        QCOMPARE(readFile(path), QByteArray("new"));
    }

    void writeAtomically_readOnlyFile_isRefusedUnlessRoot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("index.json"));
        writeFile(path, "old");
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const std::string error = TextFile::writeAtomically(path, "new");
        if (::geteuid() == 0) {
            // Root writes it, and it stays 0444.
            QCOMPARE(error, std::string());
            QCOMPARE(readFile(path), QByteArray("new"));
            struct stat written = {};
            QCOMPARE(::stat(QFile::encodeName(path).constData(), &written), 0);
            QCOMPARE(written.st_mode & 07777, mode_t(0444));
        } else {
            QVERIFY2(QString::fromStdString(error).contains(u"permission denied"), error.c_str());
            QCOMPARE(readFile(path), QByteArray("old"));
        }
    }

    void writeAtomically_throughASymbolicLink_replacesItsTarget()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("real.json"));
        const QString link = dir.filePath(QStringLiteral("link.json"));
        writeFile(target, "old");
        QVERIFY(QFile::link(target, link));
        QCOMPARE(TextFile::writeAtomically(link, "new"), std::string());
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readFile(target), QByteArray("new"));
    }

    void hardLinks_areNamedAndKeepTheOldContent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("index.json"));
        const QString other = dir.filePath(QStringLiteral("other-name.json"));
        writeFile(path, "old");
        QCOMPARE(TextFile::hardLinkNotice(path), std::string());
        QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(other).constData()),
                 0);
        const std::string notice = TextFile::hardLinkNotice(path);
        QVERIFY2(QString::fromStdString(notice).contains(u"has 2 hard links"), notice.c_str());
        QCOMPARE(TextFile::writeAtomically(path, "new"), std::string());
        QCOMPARE(readFile(path), QByteArray("new"));
        QCOMPARE(readFile(other), QByteArray("old"));
    }

    // A real full file system: a 16 KB tmpfs, which only root can mount.
    void writeAtomically_onAFullDisk_saysSoAndKeepsTheOldFile()
    {
        QTemporaryDir dir;
        if (QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=16k"), QStringLiteral("tmpfs"), dir.path()}) !=
            0)
            QSKIP("cannot mount a small tmpfs here (needs root)");
        const auto unmount = qScopeGuard(
            [&] { QProcess::execute(QStringLiteral("umount"), {dir.path()}); });
        const QString path = dir.filePath(QStringLiteral("community-plugins.json"));
        writeFile(path, "old");

        const std::string error = TextFile::writeAtomically(path, std::string(256 * 1024, 'x'));
        QVERIFY2(QString::fromStdString(error).contains(
                     QStringLiteral("cannot write '%1': no space left on device").arg(path)),
                 error.c_str());
        QCOMPARE(readFile(path), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void writeAtomically_intoAMissingFolder_saysSo()
    {
        const std::string error =
            TextFile::writeAtomically(QStringLiteral("/nonexistent-folder/x.json"), "x");
        QVERIFY(
            QString::fromStdString(error).contains(u"cannot write '/nonexistent-folder/x.json'"));
    }
};

QTEST_GUILESS_MAIN(TextFileTest)
#include "tst_textfile.moc"
