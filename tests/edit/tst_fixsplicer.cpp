#include "edit/FixSplicer.h"
#include "validation/DocumentValidator.h"

#include <QTest>

using namespace studio;

namespace {

// Plain literals: moc misreads some raw strings and then skips the class.
const std::string kEntry = "{\n"
                           "  \"id\": \"notes\",\n"
                           "  \"name\": \"Notes\",\n"
                           "  \"author\": \"@me\",\n"
                           "  \"description\": \"Files notes.\",\n"
                           "  \"image\": \"/plugins/logos/notes.png\",\n"
                           "  \"capabilities\": [\n"
                           "    \"memorie\",\n"
                           "    \"external_integration\"\n"
                           "  ],\n"
                           "  \"memory_prompt\": \"Sum up.\",\n"
                           "  \"external_integration\": {\n"
                           "    \"triggers_on\": \"memory_creation\",\n"
                           "    \"webhook_url\": \"https://x.example/hook\",\n"
                           "    \"setup_instructions_file_path\": \"\"\n"
                           "  },\n"
                           "  \"auth_steps\": [\n"
                           "    {\"name\": \"Connect\", \"url\": \"https://x.example/c\"}\n"
                           "  ],\n"
                           "  \"deleted\": false\n"
                           "}\n";

const Diagnostic *find(const ValidationReport &report, std::string_view code)
{
    for (const Diagnostic &diagnostic : report.diagnostics) {
        if (diagnostic.code() == code)
            return &diagnostic;
    }
    return nullptr;
}

ValidationReport validate(std::string_view text)
{
    return DocumentValidator::validate(text, ValidationOptions{});
}

} // namespace

// The fixes the validator offers, as splices of the text it found them in.
class FixSplicerTest : public QObject
{
    Q_OBJECT

private slots:
    void replacement_isOneSplice_ofTheDiagnosticsSpan()
    {
        const ValidationReport report = validate(kEntry);
        const Diagnostic *unknown = find(report, "PS110");
        QVERIFY(unknown && unknown->fix);
        const FixSplices fix = FixSplicer::apply(kEntry, *unknown);
        QVERIFY2(fix.ok(), fix.error.c_str());
        QCOMPARE(fix.splices.size(), std::size_t(1));
        QCOMPARE(fix.splices.front().removed, std::string("\"memorie\""));
        QCOMPARE(fix.splices.front().inserted, std::string("\"memories\""));
        QVERIFY(fix.text.find("\"memories\",\n") != std::string::npos);
        QVERIFY(!find(validate(fix.text), "PS110"));
    }

    void move_removesTheMember_andPutsItWhereItBelongs()
    {
        const ValidationReport report = validate(kEntry);
        const Diagnostic *misplaced = find(report, "PS183");
        QVERIFY(misplaced && misplaced->fix);
        QCOMPARE(misplaced->fix->kind, Fix::Kind::Move);
        const FixSplices fix = FixSplicer::apply(kEntry, *misplaced);
        QVERIFY2(fix.ok(), fix.error.c_str());
        QCOMPARE(fix.splices.size(), std::size_t(2));
        std::string applied = kEntry;
        for (const TextSplice &splice : fix.splices)
            QVERIFY(splice.applyTo(applied));
        QCOMPARE(applied, fix.text);
        const JsonParseResult parsed = parseJson(fix.text);
        QVERIFY(parsed.ok());
        QVERIFY(!parsed.value.contains("auth_steps"));
        QCOMPARE(parsed.value.at("external_integration").at("auth_steps").size(), std::size_t(1));
        QVERIFY(!find(validate(fix.text), "PS183"));
    }

    // In a whole index the pointers and spans hold in the index's text (what the CLI has).
    void move_inAnIndex_usesTheEntrysPointer()
    {
        const std::string index = "[\n" + kEntry.substr(0, kEntry.size() - 1) + "\n]\n";
        const ValidationReport report = validate(index);
        const Diagnostic *misplaced = find(report, "PS183");
        QVERIFY(misplaced && misplaced->fix);
        QVERIFY(misplaced->pointer.starts_with("/0/"));
        const FixSplices fix = FixSplicer::apply(index, *misplaced);
        QVERIFY2(fix.ok(), fix.error.c_str());
        QVERIFY(parseJson(fix.text).value.at(0).at("external_integration").contains("auth_steps"));
    }

    void refused_whenTheTextNoLongerHoldsIt()
    {
        const ValidationReport report = validate(kEntry);
        const Diagnostic *unknown = find(report, "PS110");
        QVERIFY(unknown);
        QVERIFY(!FixSplicer::apply(kEntry.substr(0, unknown->span.begin), *unknown).ok());

        const Diagnostic *misplaced = find(report, "PS183");
        QVERIFY(misplaced);
        std::string moved = kEntry;
        moved.replace(moved.find("\"auth_steps\""), 12, "\"auth_stepz\"");
        QCOMPARE(FixSplicer::apply(moved, *misplaced).error,
                 std::string("the member is not there any more"));
        std::string both = kEntry;
        both.replace(both.find("\"setup_instructions_file_path\": \"\""), 35,
                     "\"setup_instructions_file_path\": \"\", \"auth_steps\": []");
        QVERIFY(FixSplicer::apply(both, *misplaced).error.find("already there") !=
                std::string::npos);

        Diagnostic plain = *unknown;
        plain.fix.reset();
        QVERIFY(!FixSplicer::apply(kEntry, plain).ok());
    }
};

QTEST_MAIN(FixSplicerTest)
#include "tst_fixsplicer.moc"
