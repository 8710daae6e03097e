#include "runview/BodyFormatter.h"
#include "runview/JsonReindenter.h"

#include <QTest>

using namespace studio;

// Bodies made readable: JSON indented without reordering or respelling anything, text kept
// as sent, lines too long for a text view broken, previews cut on character boundaries.
class BodyFormatterTest : public QObject
{
    Q_OBJECT

private slots:
    void reindent_keepsOrderAndSpelling()
    {
        // (Not a raw string: moc misreads escaped quotes inside one.)
        const QByteArray json =
            "{\"z\":1,\"a\":[1.50,2e3,{}],\"s\":\"x, y: {z} \\\"q\\\" \\\\\",\"e\":[]}";
        QCOMPARE(JsonReindenter::reindent(json),
                 QByteArray("{\n  \"z\": 1,\n  \"a\": [\n    1.50,\n    2e3,\n    {}\n  ],\n"
                            "  \"s\": \"x, y: {z} \\\"q\\\" \\\\\",\n  \"e\": []\n}\n"));
    }

    void format_indentsJsonOnly()
    {
        QVERIFY(BodyFormatter::format(R"({"a": 1})").json);
        QVERIFY(BodyFormatter::format(R"([1, 2])").json);
        QVERIFY(!BodyFormatter::format(R"({"a": 1)").json);
        QVERIFY(!BodyFormatter::format("\"just a string\"").json);
        QVERIFY(!BodyFormatter::format("<html></html>").json);
        QCOMPARE(BodyFormatter::format("plain\ntext").text, QByteArray("plain\ntext"));
    }

    void longLines_areBrokenForDisplay()
    {
        const QByteArray line(10'000, 'x');
        const FormattedBody formatted = BodyFormatter::format(line + "\nshort\n");
        QVERIFY(formatted.linesBroken);
        for (const QByteArray &part : formatted.text.split('\n'))
            QVERIFY(part.size() <= BodyFormatter::kMaxLineBytes);
        QCOMPARE(QByteArray(formatted.text).replace('\n', ""), line + "short");
    }

    void preview_cutsOnACharacterBoundary()
    {
        const QByteArray text = QByteArray(9, 'a') + "\xc3\xa9\xc3\xa9"; // aaaaaaaaaéé
        const FormattedBody preview = BodyFormatter::preview(text, 10);
        QCOMPARE(preview.text, QByteArray(9, 'a'));
        QVERIFY(!preview.complete);
        QCOMPARE(preview.sourceBytes, text.size());
        QCOMPARE(BodyFormatter::preview(text, 11).text, QByteArray(9, 'a') + "\xc3\xa9");
    }

    void invalidUtf8_becomesReplacementCharacters()
    {
        const FormattedBody formatted = BodyFormatter::format("a\xff"
                                                              "b");
        QCOMPARE(QString::fromUtf8(formatted.text), QStringLiteral("a\ufffdb"));
    }
};

QTEST_MAIN(BodyFormatterTest)
#include "tst_bodyformatter.moc"
