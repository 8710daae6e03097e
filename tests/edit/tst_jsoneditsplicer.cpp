#include "edit/JsonEditSplicer.h"

#include <QTest>

using namespace studio;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(studio::JsonEdit)

namespace {

// An entry as the real index writes it: two-space indent, one key per line.
// Plain literals throughout: moc misreads some raw strings and then skips the class.
const std::string kEntry = "{\n"
                           "  \"id\": \"notes\",\n"
                           "  \"name\": \"Notes\",\n"
                           "  \"capabilities\": [\n"
                           "    \"memories\"\n"
                           "  ],\n"
                           "  \"memory_prompt\": \"Sum up.\",\n"
                           "  \"external_integration\": {\n"
                           "    \"triggers_on\": \"memory_creation\",\n"
                           "    \"webhook_url\": \"https://x.example/hook\"\n"
                           "  },\n"
                           "  \"deleted\": false\n"
                           "}";

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    const auto at = text.find(from);
    if (at == std::string::npos)
        qFatal("fixture lacks '%s'", from.c_str());
    return text.replace(at, from.size(), to);
}

} // namespace

class JsonEditSplicerTest : public QObject
{
    Q_OBJECT

private slots:
    void apply_changesOnlyTheBytesTheEditNeeds_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<JsonEdit>("edit");
        QTest::addColumn<std::string>("expected");

        QTest::newRow("replace a string") << kEntry << JsonEdit::set("/name", "Meeting Notes")
                                          << replaced(kEntry, "\"Notes\"", "\"Meeting Notes\"");
        QTest::newRow("escape what needs escaping")
            << kEntry << JsonEdit::set("/name", "a \"b\"\n")
            << replaced(kEntry, "\"Notes\"", "\"a \\\"b\\\"\\n\"");
        QTest::newRow("keep non-ASCII as UTF-8")
            << kEntry << JsonEdit::set("/name", "Caf\xC3\xA9")
            << replaced(kEntry, "\"Notes\"", "\"Caf\xC3\xA9\"");
        QTest::newRow("replace a boolean")
            << kEntry << JsonEdit::set("/deleted", true) << replaced(kEntry, "false", "true");
        QTest::newRow("string to null")
            << kEntry << JsonEdit::set("/external_integration/webhook_url", nullptr)
            << replaced(kEntry, "\"https://x.example/hook\"", "null");
        QTest::newRow("insert at its place in the field order")
            << kEntry << JsonEdit::set("/author", "@me")
            << replaced(kEntry, "\"Notes\",\n", "\"Notes\",\n  \"author\": \"@me\",\n");
        QTest::newRow("insert before every present field")
            << replaced(kEntry, "  \"id\": \"notes\",\n", "") << JsonEdit::set("/id", "n")
            << replaced(kEntry, "\"notes\"", "\"n\"");
        QTest::newRow("insert into a nested object")
            << kEntry << JsonEdit::set("/external_integration/setup_completed_url", nullptr)
            << replaced(kEntry, "\"https://x.example/hook\"",
                        "\"https://x.example/hook\",\n    \"setup_completed_url\": null");
        QTest::newRow("unknown key goes last")
            << kEntry << JsonEdit::set("/zz", 1)
            << replaced(kEntry, "false\n}", "false,\n  \"zz\": 1\n}");
        QTest::newRow("create missing parents, indented like the siblings")
            << kEntry << JsonEdit::set("/proactive_notification/scopes", Json::array({"user_name"}))
            << replaced(
                   kEntry, "  },\n  \"deleted\"",
                   "  },\n  \"proactive_notification\": {\n    \"scopes\": [\n      \"user_name\"\n"
                   "    ]\n  },\n  \"deleted\"");
        QTest::newRow("insert into an empty object")
            << std::string("{}") << JsonEdit::set("/id", "a")
            << std::string("{\n  \"id\": \"a\"\n}");
        QTest::newRow("one-line object stays on one line")
            << std::string("{\"id\": \"a\", \"deleted\": false}") << JsonEdit::set("/name", "N")
            << std::string("{\"id\": \"a\", \"name\": \"N\", \"deleted\": false}");
        QTest::newRow("four-space indent is kept")
            << std::string("{\n    \"id\": \"a\"\n}") << JsonEdit::set("/name", "N")
            << std::string("{\n    \"id\": \"a\",\n    \"name\": \"N\"\n}");
        QTest::newRow("tab indent is kept")
            << std::string("{\n\t\"id\": \"a\"\n}")
            << JsonEdit::set("/external_integration/webhook_url", "u")
            << std::string("{\n\t\"id\": \"a\",\n\t\"external_integration\": "
                           "{\n\t\t\"webhook_url\": \"u\"\n\t}\n}");
        QTest::newRow("CRLF is kept")
            << std::string("{\r\n  \"id\": \"a\"\r\n}") << JsonEdit::set("/name", "N")
            << std::string("{\r\n  \"id\": \"a\",\r\n  \"name\": \"N\"\r\n}");
        QTest::newRow("remove a middle member with its comma")
            << kEntry << JsonEdit::remove("/memory_prompt")
            << replaced(kEntry, "  \"memory_prompt\": \"Sum up.\",\n", "");
        QTest::newRow("remove the last member with the comma before it")
            << kEntry << JsonEdit::remove("/deleted")
            << replaced(kEntry, "  },\n  \"deleted\": false\n}", "  }\n}");
        QTest::newRow("remove the only element")
            << kEntry << JsonEdit::remove("/capabilities/0")
            << replaced(kEntry, "[\n    \"memories\"\n  ]", "[]");
        QTest::newRow("remove an absent member changes nothing")
            << kEntry << JsonEdit::remove("/chat_prompt") << kEntry;
        QTest::newRow("append to an array")
            << kEntry << JsonEdit::append("/capabilities", "chat")
            << replaced(kEntry, "\"memories\"\n", "\"memories\",\n    \"chat\"\n");
        QTest::newRow("append to an empty array")
            << std::string("{\n  \"capabilities\": []\n}")
            << JsonEdit::append("/capabilities", "chat")
            << std::string("{\n  \"capabilities\": [\n    \"chat\"\n  ]\n}");
        QTest::newRow("append to a one-line array")
            << std::string("{\n  \"capabilities\": [\"a\"]\n}")
            << JsonEdit::append("/capabilities", "b")
            << std::string("{\n  \"capabilities\": [\"a\", \"b\"]\n}");
        QTest::newRow("append creates the array")
            << std::string("{\n  \"id\": \"a\"\n}") << JsonEdit::append("/capabilities", "chat")
            << std::string("{\n  \"id\": \"a\",\n  \"capabilities\": [\n    \"chat\"\n  ]\n}");
        QTest::newRow("swap two elements")
            << std::string("[\n  {\"n\": 1},\n  {\"n\": 2}\n]") << JsonEdit::swap("/0", 1)
            << std::string("[\n  {\"n\": 2},\n  {\"n\": 1}\n]");
        QTest::newRow("set the same value changes nothing")
            << kEntry << JsonEdit::set("/name", "Notes") << kEntry;
        QTest::newRow("user formatting elsewhere survives")
            << std::string("{\"id\":\"a\",   \"name\" :\"N\"}") << JsonEdit::set("/name", "M")
            << std::string("{\"id\":\"a\",   \"name\" :\"M\"}");
    }

    void apply_changesOnlyTheBytesTheEditNeeds()
    {
        QFETCH(std::string, text);
        QFETCH(JsonEdit, edit);
        QFETCH(std::string, expected);

        const JsonParseResult parsed = parseJson(text);
        QVERIFY(parsed.ok());
        const JsonEditResult result = JsonEditSplicer::apply(text, parsed, edit);
        QVERIFY2(result.ok(), result.error.c_str());
        std::string edited = text;
        if (result.splice)
            QVERIFY(result.splice->applyTo(edited));
        QCOMPARE(edited, expected);
        QVERIFY2(parseJson(edited).ok(), edited.c_str());
    }

    void apply_refusesWhatCannotBeDone_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<JsonEdit>("edit");
        QTest::addColumn<std::string>("errorPart");

        QTest::newRow("member of a string")
            << std::string("{\"external_integration\": \"x\"}")
            << JsonEdit::set("/external_integration/webhook_url", "u")
            << std::string("is a string");
        QTest::newRow("append to an object")
            << std::string("{\"capabilities\": {}}") << JsonEdit::append("/capabilities", "chat")
            << std::string("is an object");
        QTest::newRow("swap outside the array")
            << std::string("{\"a\": [1]}") << JsonEdit::swap("/a/0", 1)
            << std::string("no element 1");
        QTest::newRow("broken text")
            << std::string("{\"a\": ") << JsonEdit::set("/a", 1) << std::string("does not parse");
    }

    void apply_refusesWhatCannotBeDone()
    {
        QFETCH(std::string, text);
        QFETCH(JsonEdit, edit);
        QFETCH(std::string, errorPart);

        const JsonEditResult result = JsonEditSplicer::apply(text, parseJson(text), edit);
        QVERIFY(!result.ok());
        QVERIFY(!result.splice);
        QVERIFY2(result.error.find(errorPart) != std::string::npos, result.error.c_str());
    }

    void applyAll_appliesEachEditToTheTextBefore()
    {
        const JsonEditsResult result =
            JsonEditSplicer::applyAll(kEntry, {JsonEdit::append("/capabilities", "chat"),
                                               JsonEdit::set("/chat_prompt", "Hi")});
        QVERIFY2(result.ok(), result.error.c_str());
        QCOMPARE(result.splices.size(), std::size_t(2));
        QCOMPARE(result.text,
                 replaced(replaced(kEntry, "\"memories\"\n", "\"memories\",\n    \"chat\"\n"),
                          "\"Sum up.\",\n", "\"Sum up.\",\n  \"chat_prompt\": \"Hi\",\n"));
        std::string replay = kEntry;
        for (const auto &splice : result.splices)
            QVERIFY(splice.applyTo(replay));
        QCOMPARE(replay, result.text);
    }

    void applyAll_changesNothingWhenOneEditFails()
    {
        const JsonEditsResult result = JsonEditSplicer::applyAll(
            kEntry, {JsonEdit::set("/name", "X"), JsonEdit::append("/name", "y")});
        QVERIFY(!result.ok());
        QVERIFY(result.splices.empty());
        QCOMPARE(result.text, kEntry);
    }
};

QTEST_GUILESS_MAIN(JsonEditSplicerTest)
#include "tst_jsoneditsplicer.moc"
