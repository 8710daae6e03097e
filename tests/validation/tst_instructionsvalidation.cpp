#include "TestFiles.h"
#include "validation/DocumentValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using studio::test::TemporaryRepository;

namespace {

// Two external plugins: one whose instructions have problems, one whose folder is not its id.
constexpr const char *kIndex = R"([
  {
    "id": "notion-crm",
    "name": "Notion CRM",
    "author": "@joan",
    "description": "Files conversations in Notion.",
    "image": "/plugins/logos/notion-crm.png",
    "capabilities": ["external_integration"],
    "external_integration": {
      "triggers_on": "memory_creation",
      "webhook_url": "https://crm.example/hook",
      "setup_instructions_file_path": "/plugins/instructions/notion-crm/README.md"
    },
    "deleted": false
  },
  {
    "id": "heaven-or-hell",
    "name": "Heaven or hell",
    "author": "@h",
    "description": "Points for your actions.",
    "image": "/plugins/logos/notion-crm.png",
    "capabilities": ["external_integration"],
    "external_integration": {
      "triggers_on": "memory_creation",
      "webhook_url": "https://h.example/hook",
      "setup_instructions_file_path": "/plugins/instructions/heavenorhell/README.md"
    },
    "deleted": false
  }
]
)";

constexpr const char *kNotionReadme =
    "1. Authenticate [Notion x Friend](http://crm.example/setup-notion-crm).\n"
    "\n"
    "![Explanation GIF](assets/explanation.gif)\n";

void writeRepository(const TemporaryRepository &repository)
{
    repository.writeIndex(kIndex);
    repository.write(QStringLiteral("plugins/logos/notion-crm.png"), test::pngBytes(300, 300));
    repository.write(QStringLiteral("plugins/instructions/notion-crm/README.md"), kNotionReadme);
    repository.write(QStringLiteral("plugins/instructions/heavenorhell/README.md"),
                     "![board](assets/board.png)\n");
    repository.write(QStringLiteral("plugins/instructions/heavenorhell/assets/board.png"),
                     test::pngBytes(8, 8));
}

std::vector<const Diagnostic *> inMarkdown(const ValidationReport &report)
{
    std::vector<const Diagnostic *> found;
    for (const auto &diagnostic : report.diagnostics) {
        if (!diagnostic.file.empty())
            found.push_back(&diagnostic);
    }
    return found;
}

QProcess *runValidate(const QStringList &arguments, const QString &workingDirectory)
{
    auto *process = new QProcess;
    process->setWorkingDirectory(workingDirectory);
    process->start(QStringLiteral(STUDIO_EXECUTABLE),
                   QStringList{QStringLiteral("validate")} + arguments);
    return process;
}

} // namespace

// The instructions checks as part of validating an index: the same problems list, and the
// CLI's file:line:column in the markdown.
class InstructionsValidationTest : public QObject
{
    Q_OBJECT

private slots:
    void validator_reportsMarkdownFindingsLocatedInTheMarkdown()
    {
        TemporaryRepository repository;
        writeRepository(repository);
        ValidationOptions options;
        options.repositoryRoot = repository.root();
        const auto report = DocumentValidator::validate(kIndex, options);
        const auto found = inMarkdown(report);
        QCOMPARE(found.size(), std::size_t(3));

        const QString notion =
            repository.path(QStringLiteral("plugins/instructions/notion-crm/README.md"));
        QCOMPARE(found[0]->rule, RuleId::InstructionsAssetsOutsideIdFolder);
        QCOMPARE(found[0]->entryId, std::string("heaven-or-hell"));
        QCOMPARE(found[1]->rule, RuleId::InstructionsPlainHttpLink);
        QCOMPARE(QString::fromStdString(found[1]->file), notion);
        QCOMPARE(found[1]->start, (SourcePosition{1, 35}));
        QCOMPARE(found[1]->entryId, std::string("notion-crm"));
        QCOMPARE(found[1]->entryIndex, std::optional<std::size_t>(0));
        QCOMPARE(found[1]->pointer,
                 std::string("/0/external_integration/setup_instructions_file_path"));
        QCOMPARE(found[2]->rule, RuleId::InstructionsMissingImage);
        QCOMPARE(found[2]->start, (SourcePosition{3, 20}));

        // The manifest-level warning about the folder stays, in the index itself.
        const auto folder =
            std::find_if(report.diagnostics.begin(), report.diagnostics.end(),
                         [](const auto &d) { return d.rule == RuleId::InstructionsFolderNotId; });
        QVERIFY(folder != report.diagnostics.end());
        QVERIFY(folder->file.empty());
        // The document's own findings come first.
        QVERIFY(report.diagnostics.front().file.empty());
        QVERIFY(!report.diagnostics.back().file.empty());
    }

    void validator_withoutRepository_doesNotReadTheMarkdown()
    {
        const auto report = DocumentValidator::validate(kIndex, {});
        QVERIFY(inMarkdown(report).empty());
    }

    void validator_missingInstructions_onlyThePathFinding()
    {
        TemporaryRepository repository;
        writeRepository(repository);
        QVERIFY(QFile::remove(
            repository.path(QStringLiteral("plugins/instructions/notion-crm/README.md"))));
        ValidationOptions options;
        options.repositoryRoot = repository.root();
        const auto report = DocumentValidator::validate(kIndex, options);
        QCOMPARE(inMarkdown(report).size(), std::size_t(1)); // heaven-or-hell's
        QVERIFY(std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                            [](const auto &d) { return d.rule == RuleId::MissingInstructions; }));
    }

    // Over the 4 MB limit: nothing was checked, and the report says so instead of "0 errors".
    void validator_instructionsOverTheLimit_areAnError()
    {
        TemporaryRepository repository;
        writeRepository(repository);
        repository.write(QStringLiteral("plugins/instructions/notion-crm/README.md"),
                         QByteArray(4 * 1024 * 1024 + 1, 'a'));
        ValidationOptions options;
        options.repositoryRoot = repository.root();
        const auto report = DocumentValidator::validate(kIndex, options);
        const auto unreadable =
            std::find_if(report.diagnostics.begin(), report.diagnostics.end(),
                         [](const auto &d) { return d.rule == RuleId::InstructionsUnreadable; });
        QVERIFY(unreadable != report.diagnostics.end());
        QCOMPARE(unreadable->severity(), Severity::Error);
        QCOMPARE(unreadable->entryId, std::string("notion-crm"));
        QVERIFY2(QString::fromStdString(unreadable->message).contains(u"over the 4 MB limit"),
                 unreadable->message.c_str());
    }

    void cli_text_namesTheMarkdownAndItsLineAndColumn()
    {
        TemporaryRepository repository;
        writeRepository(repository);
        std::unique_ptr<QProcess> process(
            runValidate({QStringLiteral("community-plugins.json")}, repository.root()));
        QVERIFY(process->waitForFinished(30000));
        const QString out = QString::fromUtf8(process->readAllStandardOutput());
        QCOMPARE(process->exitCode(), 1);
        QVERIFY2(out.contains(u"plugins/instructions/notion-crm/README.md:1:35: warning: [PS206] "
                              u"plain http link"),
                 qPrintable(out));
        QVERIFY2(out.contains(u"plugins/instructions/notion-crm/README.md:3:20: error: [PS203] the "
                              u"image 'assets/explanation.gif'"),
                 qPrintable(out));
        QVERIFY2(out.contains(u"(entry 'notion-crm')"), qPrintable(out));
        QVERIFY2(out.contains(u"plugins/instructions/heavenorhell/README.md:1:10: error: [PS205]"),
                 qPrintable(out));
        QVERIFY2(out.contains(u"community-plugins.json:"), qPrintable(out));
    }

    void cli_json_givesEachDiagnosticsFile()
    {
        TemporaryRepository repository;
        writeRepository(repository);
        const QTemporaryDir elsewhere;
        std::unique_ptr<QProcess> process(runValidate(
            {repository.indexPath(), QStringLiteral("--format"), QStringLiteral("json")},
            elsewhere.path()));
        QVERIFY(process->waitForFinished(30000));
        const QJsonObject document =
            QJsonDocument::fromJson(process->readAllStandardOutput()).object();
        const QJsonArray diagnostics = document.value(u"diagnostics").toArray();
        QVERIFY(!diagnostics.isEmpty());
        int inMarkdown = 0;
        for (const auto &value : diagnostics) {
            const QJsonObject diagnostic = value.toObject();
            const QString code = diagnostic.value(u"code").toString();
            const QString file = diagnostic.value(u"file").toString();
            if (code.startsWith(u"PS2")) {
                ++inMarkdown;
                QVERIFY2(file.endsWith(u"/README.md"), qPrintable(file));
                QVERIFY(QFileInfo(file).isAbsolute()); // outside the working folder: absolute
            } else {
                QCOMPARE(file, document.value(u"file").toString());
            }
        }
        QCOMPARE(inMarkdown, 3);
    }
};

QTEST_GUILESS_MAIN(InstructionsValidationTest)
#include "tst_instructionsvalidation.moc"
