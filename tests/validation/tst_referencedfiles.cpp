#include "TestFiles.h"
#include "json/JsonParser.h"
#include "validation/ReferencedFiles.h"

#include <QTest>

using namespace studio;

namespace {

Json parsed(const std::string &text)
{
    return parseJson(text).value;
}

const std::string kNotes =
    "{\"id\": \"notes\", \"image\": \"/plugins/logos/notes.png\", \"external_integration\": "
    "{\"setup_instructions_file_path\": \"/plugins/instructions/notes-setup/README.md\"}}";

} // namespace

// The files whose state validation reports on, which the window watches.
class ReferencedFilesTest : public QObject
{
    Q_OBJECT

private slots:
    void manifest_namesItsImage_instructions_andTheirAssets_existingOrNot()
    {
        test::TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/notes-setup/README.md"),
                         "# Notes\n\n![Step](assets/step.png)\n[Guide](assets/guide.pdf)\n"
                         "![Again](assets/step.png) [Web](https://example.com/x.png)\n");
        const auto files = ReferencedFiles::of(parsed(kNotes), repository.root());
        const auto at = [&](const char *path) { return repository.path(QString::fromUtf8(path)); };
        const std::vector<QString> expected{
            at("plugins/logos/notes.png"),
            at("plugins/instructions/notes-setup/README.md"),
            // Where the app loads an asset (the id's folder), and beside the markdown.
            at("plugins/instructions/notes/assets/step.png"),
            at("plugins/instructions/notes-setup/assets/step.png"),
            at("plugins/instructions/notes/assets/guide.pdf"),
            at("plugins/instructions/notes-setup/assets/guide.pdf"),
        };
        QCOMPARE(files, expected);
    }

    void missingInstructions_areStillNamed()
    {
        test::TemporaryRepository repository;
        const auto files = ReferencedFiles::of(parsed(kNotes), repository.root());
        QCOMPARE(files.size(), std::size_t(2));
        QCOMPARE(files.back(),
                 repository.path(QStringLiteral("plugins/instructions/notes-setup/README.md")));
    }

    void index_namesEveryEntrysFiles_once_andSkipsPathsThatCannotBeFiles()
    {
        test::TemporaryRepository repository;
        const std::string index = "[" + kNotes +
                                  ", {\"id\": \"b\", \"image\": \"/plugins/logos/notes.png\"},"
                                  " {\"id\": \"c\", \"image\": \"../outside.png\"}, 42]";
        const auto files = ReferencedFiles::of(parsed(index), repository.root());
        QCOMPARE(files.size(), std::size_t(2));
    }

    void withoutARepository_nothingIsLookedAt()
    {
        QVERIFY(ReferencedFiles::of(parsed(kNotes), QString()).empty());
    }
};

QTEST_GUILESS_MAIN(ReferencedFilesTest)
#include "tst_referencedfiles.moc"
