#include "TestFiles.h"
#include "UiTestSupport.h"
#include "contract/Contract.h"
#include "logo/ImageInspector.h"

#include <QSignalSpy>
#include <QTest>

using namespace studio;

namespace {

// The image as the window shows an index entry's: found from the repository's root.
void show(ImageInspector &inspector, const test::TemporaryRepository &repository,
          const std::string &image)
{
    const LogoLocation logo = Contract::plugins2024().logoFile(image, repository.root());
    inspector.setImage(image, logo.path, logo.problem);
}

} // namespace

class ImageInspectorTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void facts_describeTheFile()
    {
        test::TemporaryRepository repository;
        QImage image(640, 480, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QDir().mkpath(repository.path(QStringLiteral("plugins/logos")));
        QVERIFY(image.save(repository.path(QStringLiteral("plugins/logos/a.png"))));

        ImageInspector inspector;
        QSignalSpy loaded(&inspector, &ImageInspector::loaded);
        show(inspector, repository, "/plugins/logos/a.png");
        QVERIFY(loaded.wait(5000));
        const QString facts = inspector.factsText();
        QVERIFY2(facts.contains(QStringLiteral("PNG")), qPrintable(facts));
        QVERIFY(facts.contains(QStringLiteral("640 x 480 px")));
        QVERIFY(facts.contains(QStringLiteral("4:3, not square")));
        QVERIFY(facts.contains(QStringLiteral("Transparency</td><td><b>yes")));
    }

    void unchangedFile_isNotReadAgain_butAChangedOneIs()
    {
        test::TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/logos/a.png"), test::pngBytes(300, 300));
        ImageInspector inspector;
        QSignalSpy loaded(&inspector, &ImageInspector::loaded);
        show(inspector, repository, "/plugins/logos/a.png");
        QVERIFY(loaded.wait(5000));
        show(inspector, repository, "/plugins/logos/a.png");
        QVERIFY(!loaded.wait(300));
        repository.write(QStringLiteral("plugins/logos/a.png"), test::pngBytes(400, 400, true, 64));
        show(inspector, repository, "/plugins/logos/a.png");
        QVERIFY(loaded.wait(5000));
        QVERIFY(inspector.factsText().contains(QStringLiteral("400 x 400 px")));
    }

    void missingFile_andDiagnostics_areShown()
    {
        test::TemporaryRepository repository;
        ImageInspector inspector;
        QSignalSpy loaded(&inspector, &ImageInspector::loaded);
        show(inspector, repository, "/plugins/logos/none.png");
        QVERIFY(loaded.wait(5000));
        QVERIFY(inspector.factsText().contains(QStringLiteral("does not exist")));
        Diagnostic missing;
        missing.rule = RuleId::MissingImage;
        missing.pointer = "/image";
        missing.message = "no such file";
        Diagnostic other;
        other.rule = RuleId::EmptyText;
        other.pointer = "/name";
        other.message = "empty name";
        inspector.setDiagnostics({missing, other});
        QVERIFY(inspector.diagnosticsText().contains(QStringLiteral("PS151")));
        QVERIFY(!inspector.diagnosticsText().contains(QStringLiteral("empty name")));
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(ImageInspectorTest)
#include "tst_imageinspector.moc"
