#include "json/JsonParser.h"
#include "json/LineIndex.h"

#include <QTest>

using namespace studio;

namespace {

SourcePosition positionOf(const std::string &text, std::size_t offset)
{
    return LineIndex(text).position(offset);
}

std::string spanText(const std::string &text, SourceSpan span)
{
    return text.substr(span.begin, span.length());
}

} // namespace

class JsonParserTest : public QObject
{
    Q_OBJECT

private slots:
    void parse_buildsValuesOfEveryType()
    {
        const auto result =
            parseJson(R"({"s": "x\n\u00e9\ud83e\udde0", "i": -12, "u": 18446744073709551615,
            "f": 1.5e3, "t": true, "n": null, "a": [], "o": {}})");
        QVERIFY(result.ok());
        QCOMPARE(result.value["s"].get<std::string>(), std::string("x\né\xF0\x9F\xA7\xA0"));
        QCOMPARE(result.value["i"].get<std::int64_t>(), -12);
        QCOMPARE(result.value["u"].get<std::uint64_t>(), 18446744073709551615ULL);
        QCOMPARE(result.value["f"].get<double>(), 1500.0);
        QVERIFY(result.value["t"].get<bool>());
        QVERIFY(result.value["n"].is_null());
        QVERIFY(result.value["a"].is_array());
        QVERIFY(result.value["o"].is_object());
    }

    void parse_keepsMemberOrder()
    {
        const auto result = parseJson(R"({"z": 1, "a": 2, "m": 3})");
        QVERIFY(result.ok());
        std::string keys;
        for (const auto &[key, value] : result.value.items())
            keys += key;
        QCOMPARE(keys, std::string("zam"));
    }

    void sourceMap_locatesValuesAndKeys()
    {
        const std::string text = "{\n  \"name\": \"Café\",\n  \"tags\": [\"a\", {\"k\": true}]\n}";
        const auto result = parseJson(text);
        QVERIFY(result.ok());

        const JsonLocation *name = result.sourceMap.find("/name");
        QVERIFY(name);
        QCOMPARE(spanText(text, name->value), std::string("\"Café\""));
        QVERIFY(name->key);
        QCOMPARE(spanText(text, *name->key), std::string("\"name\""));
        QCOMPARE(positionOf(text, name->value.begin), (SourcePosition{2, 11}));
        QCOMPARE(positionOf(text, name->value.end), (SourcePosition{2, 17}));

        const JsonLocation *nested = result.sourceMap.find("/tags/1/k");
        QVERIFY(nested);
        QCOMPARE(spanText(text, nested->value), std::string("true"));
        QCOMPARE(spanText(text, result.sourceMap.find("/tags")->value),
                 std::string("[\"a\", {\"k\": true}]"));
        QCOMPARE(spanText(text, result.sourceMap.find("")->value), text);
        QVERIFY(!result.sourceMap.find("/tags/0")->key);
    }

    void sourceMap_escapesPointerTokens()
    {
        const std::string text = R"({"a/b": {"c~d": 1}})";
        const auto result = parseJson(text);
        QVERIFY(result.ok());
        QVERIFY(result.sourceMap.find("/a~1b/c~0d"));
    }

    void sourceMap_findNearestFallsBackToAncestor()
    {
        const auto result = parseJson(R"({"external_integration": {}})");
        const JsonLocation *nearest =
            result.sourceMap.findNearest("/external_integration/webhook_url");
        QVERIFY(nearest);
        QCOMPARE(nearest, result.sourceMap.find("/external_integration"));
    }

    void byteOrderMark_isReportedAndSkipped()
    {
        const auto result = parseJson("\xEF\xBB\xBF{\"id\": \"x\"}");
        QVERIFY(result.ok());
        QCOMPARE(result.value["id"].get<std::string>(), std::string("x"));
        QCOMPARE(result.issues.size(), std::size_t(1));
        QCOMPARE(result.issues[0].kind, JsonParseIssue::Kind::ByteOrderMark);
        QCOMPARE(result.issues[0].span, (SourceSpan{0, 3}));
    }

    void duplicateKey_isReportedAndLastValueWins()
    {
        const std::string text = R"({"name": "a", "name": "b"})";
        const auto result = parseJson(text);
        QVERIFY(result.ok());
        QCOMPARE(result.value["name"].get<std::string>(), std::string("b"));
        QCOMPARE(result.issues.size(), std::size_t(1));
        QCOMPARE(result.issues[0].kind, JsonParseIssue::Kind::DuplicateKey);
        QCOMPARE(result.issues[0].pointer, std::string("/name"));
        QCOMPARE(spanText(text, result.issues[0].span), std::string("\"name\""));
        QCOMPARE(result.issues[0].span.begin, std::size_t(14));
    }

    // Past a few members the parser finds names through a hash: a large object reads in
    // linear time, with the order, the last-value-wins rule and the reports of a small one.
    void objectWithManyKeys_keepsOrderAndReportsDuplicatesWhereTheyAre()
    {
        const int keys = 50'000;
        std::string text = "{";
        for (int i = 0; i < keys; ++i)
            text += "\"key" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
        const std::size_t earlyRepeat = text.size();
        text += R"("key3": "early again", )";
        const std::size_t lateRepeat = text.size();
        text += R"("key40000": "late again", "é/~": 1, "é/~": 2})";

        const auto result = parseJson(text);
        QVERIFY(result.ok());
        QCOMPARE(result.value.size(), std::size_t(keys + 1));
        std::size_t position = 0;
        for (const auto &[key, value] : result.value.items()) {
            if (position < std::size_t(keys))
                QCOMPARE(key, "key" + std::to_string(position));
            ++position;
        }
        QCOMPARE(result.value["key3"].get<std::string>(), std::string("early again"));
        QCOMPARE(result.value["key40000"].get<std::string>(), std::string("late again"));
        QCOMPARE(result.value["key49999"].get<int>(), 49999);
        QCOMPARE(result.value["é/~"].get<int>(), 2);
        QCOMPARE(result.value.items().begin().key(), std::string("key0"));

        QCOMPARE(result.issues.size(), std::size_t(3));
        QCOMPARE(result.issues[0].pointer, std::string("/key3"));
        QCOMPARE(result.issues[0].span, (SourceSpan{earlyRepeat, earlyRepeat + 6}));
        QCOMPARE(result.issues[1].pointer, std::string("/key40000"));
        QCOMPARE(result.issues[1].span, (SourceSpan{lateRepeat, lateRepeat + 10}));
        QCOMPARE(result.issues[2].pointer, std::string("/é~1~0"));
        QCOMPARE(positionOf(text, result.issues[2].span.begin).line, 1);
        // The source map holds the last value of a repeated key, as before.
        QCOMPARE(spanText(text, result.sourceMap.find("/key3")->value),
                 std::string("\"early again\""));
    }

    void duplicateKey_inASmallObject_keepsTheFirstPlace()
    {
        const auto result = parseJson(R"({"a": 1, "b": 2, "a": 3})");
        QVERIFY(result.ok());
        std::string keys;
        for (const auto &[key, value] : result.value.items())
            keys += key + "=" + value.dump() + " ";
        QCOMPARE(keys, std::string("a=3 b=2 "));
    }

    void errors_sayWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        // clang-format off
        QTest::newRow("empty") << QByteArray("") << "the document is empty" << 1 << 1;
        QTest::newRow("white space only") << QByteArray("  \n ") << "only white space" << 2 << 2;
        QTest::newRow("trailing comma in object") << QByteArray("{\"a\": 1,\n}") << "trailing comma before '}'" << 2 << 1;
        QTest::newRow("trailing comma in array") << QByteArray("[1, 2, ]") << "trailing comma before ']'" << 1 << 8;
        QTest::newRow("missing comma between entries") << QByteArray("[\n  {\"a\": 1}\n  {\"b\": 2}\n]")
                                                       << "a comma is missing" << 3 << 3;
        QTest::newRow("missing comma between members") << QByteArray("{\"a\": 1 \"b\": 2}") << "a comma is missing" << 1 << 9;
        QTest::newRow("unclosed array names its opener") << QByteArray("[\n  {\"a\": 1}\n")
                                                         << "the '[' at line 1, column 1 is never closed" << 3 << 1;
        QTest::newRow("unclosed object names its opener") << QByteArray("[{\"a\": [1]")
                                                          << "the '{' at line 1, column 2 is never closed" << 1 << 11;
        QTest::newRow("unterminated string") << QByteArray("{\"a\": \"abc") << "unterminated string that starts at line 1, column 7" << 1 << 7;
        QTest::newRow("line break in string") << QByteArray("{\"a\": \"ab\nc\"}") << "must be written \\n" << 1 << 7;
        QTest::newRow("control character") << QByteArray("[\"a\tb\"]") << "unescaped control character 0x09" << 1 << 4;
        QTest::newRow("invalid escape") << QByteArray("[\"\\x41\"]") << "invalid escape '\\x'" << 1 << 3;
        QTest::newRow("short unicode escape") << QByteArray("[\"\\u12\"]") << "four hex digits" << 1 << 7;
        QTest::newRow("lone surrogate") << QByteArray("[\"\\ud83e\"]") << "lone UTF-16 surrogate" << 1 << 3;
        QTest::newRow("invalid UTF-8 in string") << QByteArray("[\"caf\xE9\"]") << "invalid UTF-8 byte 0xE9" << 1 << 6;
        QTest::newRow("overlong UTF-8") << QByteArray("[\"\xC0\xAF\"]") << "invalid UTF-8 byte 0xC0" << 1 << 3;
        QTest::newRow("UTF-8 surrogate") << QByteArray("[\"\xED\xA0\x80\"]") << "invalid UTF-8 byte 0xED" << 1 << 3;
        QTest::newRow("invalid UTF-8 outside strings") << QByteArray("[\xFF]") << "invalid UTF-8 byte 0xFF" << 1 << 2;
        QTest::newRow("line comment") << QByteArray("{\n// note\n}") << "comments are not allowed" << 2 << 1;
        QTest::newRow("block comment") << QByteArray("[1 /* x */]") << "comments are not allowed" << 1 << 4;
        QTest::newRow("single quoted value") << QByteArray("{\"a\": 'x'}") << "single-quoted strings" << 1 << 7;
        QTest::newRow("single quoted key") << QByteArray("{'a': 1}") << "single-quoted member names" << 1 << 2;
        QTest::newRow("unquoted key") << QByteArray("{id: 1}") << "expected a member name in double quotes, found 'i'" << 1 << 2;
        QTest::newRow("python literal") << QByteArray("{\"deleted\": False}") << "invalid literal 'False'; JSON spells its literals true, false and null" << 1 << 13;
        QTest::newRow("bare word") << QByteArray("{\"a\": hello}") << "invalid literal 'hello'; a string value needs double quotes" << 1 << 7;
        QTest::newRow("NaN") << QByteArray("[NaN]") << "'NaN' is not a JSON number" << 1 << 2;
        QTest::newRow("leading zero") << QByteArray("[012]") << "leading zeros" << 1 << 2;
        QTest::newRow("bare minus") << QByteArray("[-]") << "expected a digit" << 1 << 3;
        QTest::newRow("digitless fraction") << QByteArray("[1.]") << "a digit after the decimal point" << 1 << 4;
        QTest::newRow("second document") << QByteArray("{} {}") << "after the end of the JSON value" << 1 << 4;
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << "expected ':' after the member name" << 1 << 6;
        QTest::newRow("truncated literal") << QByteArray("[tru") << "invalid literal 'tru'" << 1 << 2;
        // clang-format on
    }

    void errors_sayWhatAndWhere()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        const std::string bytes = text.toStdString();
        const auto result = parseJson(bytes);
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error->message).contains(message),
                 result.error->message.c_str());
        const SourcePosition position = positionOf(bytes, result.error->offset);
        QCOMPARE(position.line, line);
        QCOMPARE(position.column, column);
    }

    void nesting_aMillionLevelsDeep_failsCleanly()
    {
        const std::string text = std::string(1'000'000, '[') + std::string(1'000'000, ']');
        const auto result = parseJson(text);
        QVERIFY(!result.ok());
        QVERIFY(QString::fromStdString(result.error->message).contains(u"deeper than 256 levels"));
        QCOMPARE(result.error->offset, std::size_t(256));
    }

    void nesting_withinTheLimit_parses()
    {
        const std::string text = std::string(200, '[') + std::string(200, ']');
        QVERIFY(parseJson(text).ok());
    }

    void sourceMap_canBeSkipped()
    {
        const auto result = parseJson(R"({"a": [1, 2]})", {.recordSourceMap = false});
        QVERIFY(result.ok());
        QVERIFY(result.sourceMap.empty());
    }
};

QTEST_GUILESS_MAIN(JsonParserTest)
#include "tst_jsonparser.moc"
