#include "manifest/SubmissionJson.h"

#include <QTest>

using namespace studio;

class SubmissionJsonTest : public QObject
{
    Q_OBJECT

private slots:
    void submission_usesTheIndexFieldOrderAndFormat()
    {
        const Json entry = Json::parse(R"({
            "deleted": false, "x_custom": 1,
            "external_integration": {"auth_steps": [{"url": "/auth", "name": "Go"}],
                                     "setup_instructions_file_path": "", "webhook_url": "/hook",
                                     "triggers_on": "memory_creation"},
            "capabilities": ["external_integration"], "image": "/plugins/logos/p.png",
            "description": "Dé", "author": "@me", "name": "P", "id": "p"})");
        const std::string expected = R"({
  "id": "p",
  "name": "P",
  "author": "@me",
  "description": "Dé",
  "image": "/plugins/logos/p.png",
  "capabilities": [
    "external_integration"
  ],
  "external_integration": {
    "triggers_on": "memory_creation",
    "webhook_url": "/hook",
    "setup_instructions_file_path": "",
    "auth_steps": [
      {
        "name": "Go",
        "url": "/auth"
      }
    ]
  },
  "deleted": false,
  "x_custom": 1
}
)";
        QCOMPARE(submissionJson(entry), expected);
    }

    void submission_keepsUnicodeAsUtf8AndEscapesControls()
    {
        const Json entry = Json::parse(
            R"({"id": "p", "name": "\ud83e\udde0 \u05e9\u05dc\u05d5\u05dd", "description": "a\tb"})");
        const std::string text = submissionJson(entry);
        QVERIFY(text.find("\xF0\x9F\xA7\xA0 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") !=
                std::string::npos);
        QVERIFY(text.find("a\\tb") != std::string::npos);
        QCOMPARE(text.back(), '\n');
    }

    void entryText_honoursAnotherIndentation()
    {
        const Json entry = Json::parse(R"({"name": "n", "id": "i"})");
        QCOMPARE(entryText(entry, {4, ' '}),
                 std::string("{\n    \"id\": \"i\",\n    \"name\": \"n\"\n}"));
        QCOMPARE(entryText(entry, {1, '\t'}),
                 std::string("{\n\t\"id\": \"i\",\n\t\"name\": \"n\"\n}"));
    }
};

QTEST_GUILESS_MAIN(SubmissionJsonTest)
#include "tst_submissionjson.moc"
