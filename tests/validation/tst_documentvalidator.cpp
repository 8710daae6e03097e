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
