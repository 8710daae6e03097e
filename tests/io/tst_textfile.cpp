#include "TestFiles.h"
#include "io/TextFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

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
