// What the built-in plugins answer, from bodies of every shape a client may send: the
// answers never depend on a field having the right type.
#include "serve/PluginAnswers.h"

#include <QTest>

using namespace studio;

class PluginAnswersTest : public QObject
{
    Q_OBJECT

private slots:
    void memory_withWrongTypes_stillAnswers();
    void memory_countsWordsAcrossAnyWhitespace();
    void commitment_isFoundWhateverTheCase_andOnlyInNewSegments();
    void question_takesTheLastOneTheWearerAsked();
};

namespace {

QString message(const Json &answer)
{
    return QString::fromStdString(answer.value("message", std::string()));
}

} // namespace

void PluginAnswersTest::memory_withWrongTypes_stillAnswers()
{
    const Json odd = Json::parse(R"({"structured": {"title": 42, "action_items": [1, null,
        {"completed": "yes"}]}, "transcript_segments": "not a list"})");
    QCOMPARE(message(PluginAnswers::memoryFiled(odd)),
             QStringLiteral("Filed \"Untitled conversation\": 0 segments, 0 words, 3 open action "
                            "items."));
    QCOMPARE(message(PluginAnswers::memoryFiled(Json::array())),
             QStringLiteral("Filed \"Untitled conversation\": 0 segments, 0 words, 0 open action "
                            "items."));
}

void PluginAnswersTest::memory_countsWordsAcrossAnyWhitespace()
{
    const Json memory = Json::parse(R"({"structured": {"title": "T"},
        "transcript_segments": [{"text": "a\tb\nc  d"}, {"text": 7}, {}]})");
    QCOMPARE(message(PluginAnswers::memoryFiled(memory)),
             QStringLiteral("Filed \"T\": 3 segments, 4 words, 0 open action items."));
}

void PluginAnswersTest::commitment_isFoundWhateverTheCase_andOnlyInNewSegments()
{
    const Json segments = Json::parse(R"([{"text": "nothing here"}, {"text": "WE NEED TO ship"},
        {"text": "let's go"}])");
    QCOMPARE(message(PluginAnswers::commitmentHeard(segments, 9)),
             QStringLiteral("Noted for later: \"WE NEED TO ship\" (9 segments so far)."));
    QVERIFY(PluginAnswers::commitmentHeard(Json::parse(R"([{"text": "fine"}, 3, null])"), 3)
                .empty());
}

void PluginAnswersTest::question_takesTheLastOneTheWearerAsked()
{
    const Json segments = Json::parse(R"([{"text": "First?", "is_user": true},
        {"text": "Theirs?", "is_user": false}, {"text": "Second?", "is_user": true},
        {"text": "not a question", "is_user": true}, {"text": "Odd?", "is_user": "true"}])");
    const Json answer = PluginAnswers::questionHeard(segments, 5);
    QCOMPARE(answer["notification"]["context"]["question"].get<std::string>(),
             std::string("Second?"));
    QCOMPARE(answer["notification"]["context"]["segments_heard"].get<int>(), 5);
    QVERIFY(PluginAnswers::questionHeard(Json::array(), 0).empty());
}

QTEST_GUILESS_MAIN(PluginAnswersTest)
#include "tst_pluginanswers.moc"
