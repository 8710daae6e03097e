#include "TestFiles.h"
#include "validation/DocumentValidator.h"

#include <QTest>

#include <algorithm>

using namespace studio;
using namespace studio::test;

namespace {

std::string entry(const std::string &id, const std::string &author = "@a")
{
    return R"({"id": ")" + id + R"(", "name": "N", "author": ")" + author +
           R"(", "description": "D", "image": "/plugins/logos/x.png", "capabilities": ["chat"], "chat_prompt": "Hi", "deleted": false})";
}

const Diagnostic *findCode(const ValidationReport &report, std::string_view code)
{
    const auto it = std::find_if(report.diagnostics.begin(), report.diagnostics.end(),
                                 [code](const Diagnostic &d) { return d.code() == code; });
    return it == report.diagnostics.end() ? nullptr : &*it;
}

} // namespace

class DocumentValidatorTest : public QObject
{
    Q_OBJECT

private slots:
    // A fix replaces exactly the mistyped token: applied, the finding is gone.
    void didYouMean_carriesAFixThatResolvesIt()
    {
        std::string text = entry("a");
        text.replace(text.find("[\"chat\"]"), 8, "[\"chat\", \"Memorie\"]");
        text.replace(text.find("\"deleted\""), 9, "\"memory_promt\": \"P\", \"deleted\"");
        const ValidationReport report = DocumentValidator::validate(text, {});
        for (const char *code : {"PS110", "PS182"}) {
            const Diagnostic *found = findCode(report, code);
            QVERIFY2(found && found->fix, code);
            QCOMPARE(found->fix->kind, Fix::Kind::Replace);
            QCOMPARE(found->fix->span, found->span);
        }
        const Diagnostic &capability = *findCode(report, "PS110");
        QCOMPARE(capability.fix->text, std::string("\"memories\""));
        QCOMPARE(capability.fix->title, std::string("Replace with 'memories'"));
        std::string fixed = text;
        fixed.replace(capability.fix->span.begin,
                      capability.fix->span.end - capability.fix->span.begin, capability.fix->text);
        QVERIFY(!findCode(DocumentValidator::validate(fixed, {}), "PS110"));
        QCOMPARE(findCode(report, "PS182")->fix->text, std::string("\"memory_prompt\""));
    }

    void missingComma_isFixedRightAfterThePreviousValue()
    {
        const std::string text = "{\n  \"id\": \"a\"\n  \"name\": \"N\"\n}";
        const ValidationReport report = DocumentValidator::validate(text, {});
        const Diagnostic *syntax = findCode(report, "PS001");
        QVERIFY(syntax && syntax->fix);
        QCOMPARE(syntax->fix->span.begin, text.find("\"a\"") + 3);
        QCOMPARE(syntax->fix->span.end, syntax->fix->span.begin);
        std::string fixed = text;
        fixed.insert(syntax->fix->span.begin, syntax->fix->text);
        QVERIFY(DocumentValidator::validate(fixed, {}).parsed);
    }

    void misplacedAuthSteps_movesIntoTheIntegration()
    {
        const std::string text = R"({"id": "a", "external_integration": {}, "auth_steps": []})";
        const ValidationReport report = DocumentValidator::validate(text, {});
        const Diagnostic *misplaced = findCode(report, "PS183");
        QVERIFY(misplaced && misplaced->fix);
        QCOMPARE(misplaced->fix->kind, Fix::Kind::Move);
        QCOMPARE(misplaced->fix->target, std::string("/external_integration/auth_steps"));
    }

    void index_findsDuplicateIdsAndNamesTheFirstUse()
    {
        const std::string text =
            "[\n  " + entry("a") + ",\n  " + entry("b") + ",\n  " + entry("a", "@b") + "\n]\n";
        const ValidationReport report = DocumentValidator::validate(text, {});
        QCOMPARE(report.kind, DocumentKind::Index);
        QCOMPARE(report.entryCount, std::size_t(3));
        const Diagnostic *duplicate = findCode(report, "PS122");
        QVERIFY(duplicate);
        QCOMPARE(duplicate->pointer, std::string("/2/id"));
        QCOMPARE(duplicate->entryIndex.value(), std::size_t(2));
        QCOMPARE(duplicate->entryId, std::string("a"));
        QCOMPARE(duplicate->start.line, 4);
        QVERIFY(QString::fromStdString(duplicate->message).contains(u"entry #0 at line 2"));
        QCOMPARE(report.count(Severity::Error), std::size_t(1));
    }

    void index_reportsProgressAfterEachEntry()
    {
        const std::string text = "[\n  " + entry("a") + ",\n  3,\n  " + entry("c") + "\n]\n";
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        ValidationOptions options;
        options.progress = [&calls](std::size_t checked, std::size_t total) {
            calls.emplace_back(checked, total);
            return true;
        };
        const ValidationReport report = DocumentValidator::validate(text, options);
        const std::vector<std::pair<std::size_t, std::size_t>> expected = {{1, 3}, {2, 3}, {3, 3}};
        QCOMPARE(calls, expected);
        // Reporting progress changes nothing of the findings.
        QCOMPARE(report.diagnostics.size(),
                 DocumentValidator::validate(text, {}).diagnostics.size());
    }

    void index_progressReturningFalse_stopsAfterThatEntry()
    {
        const std::string text =
            "[\n  " + entry("a") + ",\n  " + entry("b") + ",\n  " + entry("c") + "\n]\n";
        std::size_t calls = 0;
        ValidationOptions options;
        options.progress = [&calls](std::size_t, std::size_t) { return ++calls < 2; };
        DocumentValidator::validate(text, options);
        QCOMPARE(calls, std::size_t(2));
    }

    void manifest_reportsNoProgress()
    {
        bool called = false;
        ValidationOptions options;
        options.progress = [&called](std::size_t, std::size_t) { return called = true; };
        DocumentValidator::validate(entry("a"), options);
        QVERIFY(!called);
    }

    void index_attributesEveryDiagnosticToItsEntry()
    {
        const std::string text = "[" + entry("first") + ", {\"name\": \"x\"}]";
        const ValidationReport report = DocumentValidator::validate(text, {});
        for (const auto &diagnostic : report.diagnostics) {
            if (diagnostic.code() == "PS190")
                continue;
            QVERIFY(diagnostic.entryIndex.has_value());
            QCOMPARE(*diagnostic.entryIndex, std::size_t(1));
            QVERIFY(diagnostic.entryId.empty());
            QCOMPARE(diagnostic.entryLabel(), std::string("#1"));
        }
        QVERIFY(findCode(report, "PS101"));
    }

    void index_entryThatIsNotAnObject_isAnError()
    {
        const ValidationReport report =
            DocumentValidator::validate("[" + entry("a") + ", \"oops\"]", {});
        const Diagnostic *wrong = findCode(report, "PS004");
        QVERIFY(wrong);
        QCOMPARE(wrong->pointer, std::string("/1"));
        QVERIFY(QString::fromStdString(wrong->message).contains(u"not a string"));
    }

    void document_ofWrongType_isAnError()
    {
        const ValidationReport report = DocumentValidator::validate("42", {});
        QVERIFY(report.parsed);
        QCOMPARE(report.kind, DocumentKind::Unknown);
        QVERIFY(findCode(report, "PS004"));
    }

    void syntaxError_isLocated()
    {
        const std::string text = "[\n  " + entry("a") + ",\n]\n";
        const ValidationReport report = DocumentValidator::validate(text, {});
        QVERIFY(!report.parsed);
        QCOMPARE(report.diagnostics.size(), std::size_t(1));
        const Diagnostic &syntax = report.diagnostics.front();
        QCOMPARE(syntax.code(), std::string_view("PS001"));
        QCOMPARE(syntax.severity(), Severity::Error);
        QCOMPARE(syntax.start.line, 3);
        QCOMPARE(syntax.start.column, 1);
        QVERIFY(QString::fromStdString(syntax.message).contains(u"trailing comma"));
    }

    void byteOrderMark_isAnErrorButTheRestIsChecked()
    {
        const std::string text = "\xEF\xBB\xBF" + entry("a");
        const ValidationReport report = DocumentValidator::validate(text, {});
        const Diagnostic *bom = findCode(report, "PS002");
        QVERIFY(bom);
        QCOMPARE(bom->start, (SourcePosition{1, 1}));
        QCOMPARE(report.kind, DocumentKind::Manifest);
        QVERIFY(findCode(report, "PS190")); // the rest was validated
    }

    void duplicateKey_isAWarningOnTheSecondKey()
    {
        const std::string text = R"({"id": "a", "name": "A", "name": "B"})";
        const ValidationReport report = DocumentValidator::validate(text, {});
        const Diagnostic *duplicate = findCode(report, "PS003");
        QVERIFY(duplicate);
        QCOMPARE(duplicate->severity(), Severity::Warning);
        QCOMPARE(text.substr(duplicate->span.begin, duplicate->span.length()),
                 std::string("\"name\""));
        QCOMPARE(duplicate->span.begin, std::size_t(25));
    }

    void diagnostics_areInDocumentOrder()
    {
        const std::string text = "[" + entry("B_b") + "," + entry("A_a") + "]";
        const ValidationReport report = DocumentValidator::validate(text, {});
        QVERIFY(report.diagnostics.size() >= 2);
        QVERIFY(std::is_sorted(
            report.diagnostics.begin(), report.diagnostics.end(),
            [](const Diagnostic &a, const Diagnostic &b) { return a.span.begin < b.span.begin; }));
    }

    void spans_coverUtf8AndPositionsCountCharacters()
    {
        const std::string text =
            "{\"id\": \"caf\xC3\xA9\", \"name\": \"\xF0\x9F\xA7\xA0 \", \"capabilities\": 1}";
        const ValidationReport report = DocumentValidator::validate(text, {});
        const Diagnostic *wrongType = findCode(report, "PS102");
        QVERIFY(wrongType);
        QCOMPARE(text.substr(wrongType->span.begin, wrongType->span.length()), std::string("1"));
        // The column counts the é and the emoji as one character each.
        QCOMPARE(wrongType->start.column, 46);
    }

    // A minified index is one line: each finding still gets its exact column, counted in
    // characters, with multi-byte names in the entries before it.
    void minifiedIndex_locatesEveryFindingOnItsColumn()
    {
        std::string text = "[";
        for (int i = 0; i < 3000; ++i)
            text += entry("entry-" + std::to_string(i), "@Zoë 🧠") + ",";
        text += entry("Last_One") + "]";
        const ValidationReport report = DocumentValidator::validate(text, {});
        QCOMPARE(report.entryCount, std::size_t(3001));
        const Diagnostic *style = findCode(report, "PS121");
        QVERIFY(style);
        QCOMPARE(style->entryIndex.value(), std::size_t(3000));
        QCOMPARE(style->entryId, std::string("Last_One"));
        const std::size_t begin = text.find("\"Last_One\"");
        QCOMPARE(style->span.begin, begin);
        // Each earlier entry holds two characters of two bytes or more: ë (2) and 🧠 (4).
        const auto characters = [&](std::size_t offset) {
            return int(
                std::count_if(text.begin(), text.begin() + std::ptrdiff_t(offset), [](char c) {
                    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                }));
        };
        QCOMPARE(style->start, (SourcePosition{1, characters(begin) + 1}));
        QCOMPARE(style->end, (SourcePosition{1, characters(style->span.end) + 1}));
        QCOMPARE(style->start.column, int(begin) + 1 - 3000 * (1 + 3));
    }

    // An object with many unknown keys: one finding per key, each on its key, in linear time.
    void objectWithManyKeys_reportsEachUnknownKeyOnItself()
    {
        std::string text = "{\"name\": \"N\", ";
        for (int i = 0; i < 20'000; ++i)
            text += "\"extra" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
        text += "\"id\": \"many\"}";
        const ValidationReport report = DocumentValidator::validate(text, {});
        const auto unknown = std::count_if(report.diagnostics.begin(), report.diagnostics.end(),
                                           [](const Diagnostic &d) { return d.code() == "PS182"; });
        QCOMPARE(unknown, 20'000);
        for (const Diagnostic &diagnostic : report.diagnostics) {
            QCOMPARE(diagnostic.entryId, std::string("many"));
            if (diagnostic.pointer == "/extra19999")
                QCOMPARE(text.substr(diagnostic.span.begin, diagnostic.span.length()),
                         std::string("\"extra19999\""));
        }
    }

    // std::regex recursed once per character of the id and overflowed the stack.
    void idOfAHundredThousandCharacters_isAStyleWarningNotACrash()
    {
        const std::string id = "Plugin_" + std::string(100'000, 'a');
        const std::string text = "{\"id\": \"" + id + "\", \"name\": \"N\"}";
        const ValidationReport report = DocumentValidator::validate(text, {});
        const Diagnostic *style = findCode(report, "PS121");
        QVERIFY(style);
        QCOMPARE(style->pointer, std::string("/id"));
        QCOMPARE(style->start, (SourcePosition{1, 8}));
        QVERIFY(QString::fromStdString(style->message)
                    .contains(u"is not lowercase-kebab (like 'plugin-aaa"));

        const std::string kebab(100'000, 'a');
        const ValidationReport valid =
            DocumentValidator::validate("{\"id\": \"" + kebab + "-b-" + kebab + "\"}", {});
        QVERIFY(!findCode(valid, "PS121"));
    }

    void index_withRepository_checksFilesOfEveryEntry()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/logos/x.png"), pngBytes(512, 512));
        repository.writeIndex("[" + entry("a") + "," + entry("b") + "]");
        ValidationOptions options;
        options.repositoryRoot = repository.root();
        const std::string text = readFile(repository.indexPath()).toStdString();
        const ValidationReport report = DocumentValidator::validate(text, options);
        QVERIFY(report.diagnostics.empty());
        repository.write(QStringLiteral("plugins/logos/x.png"), "broken");
        const ValidationReport broken = DocumentValidator::validate(text, options);
        QCOMPARE(broken.count(Severity::Error), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(DocumentValidatorTest)
#include "tst_documentvalidator.moc"
