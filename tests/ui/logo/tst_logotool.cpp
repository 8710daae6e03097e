#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/ManifestDocument.h"
#include "imaging/BoundedImageReader.h"
#include "logo/LogoConverter.h"
#include "logo/LogoImportDialog.h"
#include "logo/LogoInstaller.h"

#include <QDialogButtonBox>
#include <QImageReader>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace studio;

namespace {

const std::string kManifest =
    "{\n  \"id\": \"notes\",\n  \"image\": \"/plugins/logos/old.jpg\",\n  \"deleted\": false\n}";

// A real picture, wider than tall, with a red centre square and blue sides, so a crop
// that is not the centre shows.
QString writePicture(const QString &path, QSize size, const char *format = "PNG")
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter painter(&image);
    const int side = std::min(size.width(), size.height());
    painter.fillRect(QRect((size.width() - side) / 2, (size.height() - side) / 2, side, side),
                     Qt::red);
    painter.end();
    image.save(path, format);
    return path;
}

} // namespace

class LogoToolTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void converter_cropsTheCentreSquare_andScalesDown_data()
    {
        QTest::addColumn<QSize>("source");
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("noted");
        QTest::newRow("landscape") << QSize(1000, 600) << 512 << 512 << false;
        QTest::newRow("portrait") << QSize(600, 1000) << 512 << 512 << false;
        QTest::newRow("small stays small") << QSize(300, 400) << 512 << 300 << true;
        QTest::newRow("other size") << QSize(800, 800) << 256 << 256 << false;
    }

    void converter_cropsTheCentreSquare_andScalesDown()
    {
        QFETCH(QSize, source);
        QFETCH(int, requested);
        QFETCH(int, expected);
        QFETCH(bool, noted);
        QTemporaryDir folder;
        const DecodedImage picture = BoundedImageReader::read(
            writePicture(folder.filePath(QStringLiteral("p.png")), source));
        QVERIFY(picture.ok());
        const LogoConversion logo = LogoConverter::convert(picture.image, requested);
        QVERIFY(logo.ok());
        QCOMPARE(logo.logo.size(), QSize(expected, expected));
        QCOMPARE(!logo.note.isEmpty(), noted);
        // Only the red centre square is left: its corners are red, not blue.
        QCOMPARE(QColor(logo.logo.pixel(1, 1)), QColor(Qt::red));
        QCOMPARE(QColor(logo.logo.pixel(expected - 2, expected - 2)), QColor(Qt::red));
        QImage png;
        QVERIFY(png.loadFromData(logo.png, "PNG"));
        QCOMPARE(png.size(), QSize(expected, expected));
    }

    void cropAndSave_writesASquarePng_andOneUndoRevertsFileAndText()
    {
        test::TemporaryRepository repository;
        repository.writeIndex("[]");
        const QString picture =
            writePicture(repository.path(QStringLiteral("photo.jpg")), QSize(1200, 900), "JPEG");
        ManifestDocument document;
        document.load(kManifest);

        LogoImportDialog dialog(LogoInstaller::targetPath("notes"), 512);
        QSignalSpy finished(&dialog, &LogoImportDialog::conversionFinished);
        dialog.loadFile(picture);
        QVERIFY(finished.wait(10000));
        QVERIFY2(dialog.conversion().ok(), qPrintable(dialog.errorText()));
        QVERIFY(
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());

        QVERIFY(
            LogoInstaller::install(document, repository.root(), dialog.conversion().png).isEmpty());
        const QString logo = repository.path(QStringLiteral("plugins/logos/notes.png"));
        QImageReader reader(logo);
        QCOMPARE(reader.format(), QByteArray("png"));
        QCOMPARE(reader.size(), QSize(512, 512));
        QCOMPARE(document.manifest().image, std::string("/plugins/logos/notes.png"));
        QCOMPARE(document.undoStack()->count(), 1);

        document.undoStack()->undo();
        QVERIFY(!QFile::exists(logo));
        QCOMPARE(document.text(), kManifest);

        document.undoStack()->redo();
        QCOMPARE(QImageReader(logo).size(), QSize(512, 512));
        QCOMPARE(document.manifest().image, std::string("/plugins/logos/notes.png"));
    }

    void replacingALogo_undoPutsTheOldBytesBack()
    {
        test::TemporaryRepository repository;
        repository.writeIndex("[]");
        const QByteArray old = test::pngBytes(64, 64);
        repository.write(QStringLiteral("plugins/logos/notes.png"), old);
        ManifestDocument document;
        document.load(kManifest);
        QImage fresh(600, 600, QImage::Format_RGB32);
        fresh.fill(Qt::green);
        const LogoConversion logo = LogoConverter::convert(fresh, 512);
        QVERIFY(LogoInstaller::install(document, repository.root(), logo.png).isEmpty());
        QCOMPARE(test::readFile(repository.path(QStringLiteral("plugins/logos/notes.png"))),
                 logo.png);
        document.undoStack()->undo();
        QCOMPARE(test::readFile(repository.path(QStringLiteral("plugins/logos/notes.png"))), old);
    }

    void hugeImage_isRefusedBeforeDecoding()
    {
        QTemporaryDir folder;
        // A valid header declaring 100000 x 100000 pixels: 40 GB once decoded.
        const QString bomb = folder.filePath(QStringLiteral("bomb.png"));
        test::writeFile(bomb, test::pngBytes(100000, 100000));
        const DecodedImage decoded = BoundedImageReader::read(bomb);
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.image.isNull());
        QVERIFY2(decoded.error.contains(QStringLiteral("100000 x 100000")),
                 qPrintable(decoded.error));

        LogoImportDialog dialog(LogoInstaller::targetPath("notes"), 512);
        QSignalSpy finished(&dialog, &LogoImportDialog::conversionFinished);
        dialog.loadFile(bomb);
        QVERIFY(finished.wait(10000));
        QVERIFY(!dialog.conversion().ok());
        QVERIFY(dialog.errorText().contains(QStringLiteral("megapixels")));
        QVERIFY(
            !dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
    }

    void notAnImage_saysSo()
    {
        QTemporaryDir folder;
        const QString text = folder.filePath(QStringLiteral("notes.png"));
        test::writeFile(text, "just text");
        QVERIFY(BoundedImageReader::read(text).error.contains(QStringLiteral("not an image")));
    }

    void install_isRefusedWithoutAnIdOrARepository()
    {
        ManifestDocument document;
        document.load("{\"image\": \"\"}");
        const QByteArray png = LogoConverter::convert(QImage(64, 64, QImage::Format_RGB32), 64).png;
        test::TemporaryRepository repository;
        QVERIFY(LogoInstaller::install(document, repository.root(), png)
                    .contains(QStringLiteral("id")));
        document.load(kManifest);
        QVERIFY(LogoInstaller::install(document, QString(), png)
                    .contains(QStringLiteral("repository")));
        QCOMPARE(document.undoStack()->count(), 0);
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(LogoToolTest)
#include "tst_logotool.moc"
