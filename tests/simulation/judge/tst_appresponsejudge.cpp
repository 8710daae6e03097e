#include "HttpResults.h"
#include "simulation/judge/AppResponseJudge.h"
#include "simulation/judge/RateLimitedJudge.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace studio;
using namespace studio::test;

Q_DECLARE_METATYPE(ResponseVerdict::Kind)
Q_DECLARE_METATYPE(studio::HttpResult)

namespace {

PluginUnderTest plugin(bool proactive = false)
{
    PluginUnderTest p;
    p.id = QStringLiteral("focus-guardian");
    p.name = QStringLiteral("Focus Guardian");
    p.capabilities = {QStringLiteral("external_integration")};
    if (proactive) {
        p.capabilities.append(QStringLiteral("proactive_notification"));
        p.proactiveScopes = {QStringLiteral("user_name"), QStringLiteral("user_facts")};
    }
    p.triggersOn = QStringLiteral("transcript_processed");
    p.webhookUrl = QStringLiteral("http://127.0.0.1:8000/hook");
    return p;
}

JudgeContext context(AppTrigger trigger, bool proactive = false)
{
    JudgeContext c;
    c.trigger = trigger;
    c.plugin = plugin(proactive);
    c.uid = QStringLiteral("u1");
    return c;
}

QByteArray proactiveAnswer(const QByteArray &prompt, const QByteArray &params = "[\"user_name\"]")
{
    Json request = {{"prompt", prompt.toStdString()},
                    {"params", Json::parse(params.toStdString())},
                    {"context", {{"question", "focus"}}}};
    return QByteArray::fromStdString(Json{{"notification", request}}.dump());
}

} // namespace

class AppResponseJudgeTest : public QObject
{
    Q_OBJECT

private slots:
    void memoryCreation_data()
    {
        QTest::addColumn<HttpResult>("result");
        QTest::addColumn<ResponseVerdict::Kind>("kind");
        QTest::addColumn<QString>("reasonPart");
        QTest::addColumn<QString>("notification"); // body, empty: none

        using K = ResponseVerdict::Kind;
        QTest::newRow("message") << answered(200, R"({"message": "Saved to Notion"})")
                                 << K::Notification << QStringLiteral("chat")
                                 << QStringLiteral("Saved to Notion");
        QTest::newRow("short message still shown")
            << answered(200, R"({"message": "ok"})") << K::Notification
            << QStringLiteral("notifies") << QStringLiteral("ok");
        QTest::newRow("empty message") << answered(200, R"({"message": ""})") << K::Silent
                                       << QStringLiteral("no message") << QString();
        QTest::newRow("null message") << answered(200, R"({"message": null})") << K::Silent
                                      << QStringLiteral("no message") << QString();
        QTest::newRow("empty object")
            << answered(200, "{}") << K::Silent << QStringLiteral("valid") << QString();
        QTest::newRow("number message") << answered(200, R"({"message": 42})") << K::Ignored
                                        << QStringLiteral("a number, not a string") << QString();
        QTest::newRow("array") << answered(200, "[]") << K::Ignored
                               << QStringLiteral("an array, not a JSON object") << QString();
        QTest::newRow("bare string") << answered(200, "\"done\"") << K::Ignored
                                     << QStringLiteral("a string, not a JSON object") << QString();
        QTest::newRow("empty body")
            << answered(200, "") << K::Ignored << QStringLiteral("body is empty") << QString();
        QTest::newRow("html") << answered(200, "<html>OK</html>", "text/html") << K::Ignored
                              << QStringLiteral("not JSON (line 1, column 1") << QString();
        QTest::newRow("status 201") << answered(201, R"({"message": "Created"})") << K::Ignored
                                    << QStringLiteral("status 201") << QString();
        QTest::newRow("status 500")
            << answered(500, "oops") << K::Ignored << QStringLiteral("status 500") << QString();
        QTest::newRow("timeout") << failed(HttpError::Timeout, QStringLiteral("timed out"))
                                 << K::Ignored << QStringLiteral("no answer within 30 s")
                                 << QString();
        QTest::newRow("refused") << failed(HttpError::ConnectionRefused,
                                           QStringLiteral("connection refused by 127.0.0.1:9"))
                                 << K::Ignored
                                 << QStringLiteral("connection refused by 127.0.0.1:9")
                                 << QString();
        HttpResult cut = answered(200, "{\"message\": \"very long");
        cut.truncated = true;
        cut.error = HttpError::ResponseTooLarge;
        QTest::newRow("truncated") << cut << K::Ignored << QStringLiteral("limit") << QString();
    }

    void memoryCreation()
    {
        QFETCH(HttpResult, result);
        QFETCH(ResponseVerdict::Kind, kind);
        QFETCH(QString, reasonPart);
        QFETCH(QString, notification);
        const ResponseVerdict verdict =
            AppResponseJudge::judge(result, context(AppTrigger::MemoryCreation));
        QCOMPARE(verdict.kind, kind);
        QVERIFY2(verdict.reason.contains(reasonPart), qPrintable(verdict.reason));
        if (notification.isEmpty()) {
            QVERIFY(verdict.notifications.isEmpty());
            QVERIFY(!verdict.chatMessage);
        } else {
            QCOMPARE(verdict.notifications.size(), 1);
            QCOMPARE(verdict.notifications[0].title, QStringLiteral("Focus Guardian says"));
            QCOMPARE(verdict.notifications[0].body, notification);
            QCOMPARE(verdict.chatMessage, std::optional<QString>(notification));
        }
    }

    // What Python's json.loads accepts and RFC 8259 does not (and the reverse) decides the
    // verdict: the app's decoder is the judge.
    void bodies_decodeAsPythonDoes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("decodes");
        QTest::addColumn<QString>("reasonPart");
        const QByteArray deep = QByteArray(900, '[') + QByteArray(900, ']');
        const QByteArray tooDeep = QByteArray(1200, '[') + QByteArray(1200, ']');
        QTest::newRow("lone surrogate") << QByteArray(R"({"message": "hi \ud800"})") << true
                                        << QStringLiteral("chat");
        QTest::newRow("reversed pair") << QByteArray(R"({"message": "\udc00\ud800 x"})") << true
                                       << QStringLiteral("chat");
        QTest::newRow("huge exponent is infinity")
            << QByteArray(R"({"message": 1e999999})") << true
            << QStringLiteral("a number, not a string");
        // -0.0 is falsy in Python: the app's `if message` sees no message.
        QTest::newRow("tiny exponent is zero") << QByteArray(R"({"message": -1e-999})") << true
                                               << QStringLiteral("no message");
        QTest::newRow("NaN and -Infinity")
            << QByteArray(R"({"a": NaN, "b": -Infinity, "c": Infinity, "message": "yo"})") << true
            << QStringLiteral("chat");
        QTest::newRow("900 levels") << QByteArray(R"({"message": "deep", "x": )" + deep + "}")
                                    << true << QStringLiteral("chat");
        QTest::newRow("1200 levels")
            << QByteArray(R"({"message": "deep", "x": )" + tooDeep + "}") << false
            << QStringLiteral("RecursionError");
        QTest::newRow("4300-digit integer")
            << QByteArray(R"({"message": "big", "n": )" + QByteArray(4300, '7') + "}") << true
            << QStringLiteral("chat");
        QTest::newRow("4301-digit integer")
            << QByteArray(R"({"message": "big", "n": )" + QByteArray(4301, '7') + "}") << false
            << QStringLiteral("more than 4300");
        QTest::newRow("bytes that are not UTF-8") << QByteArray("{\"message\": \"caf\xe9\"}")
                                                  << true << QStringLiteral("chat");
        QTest::newRow("raw control character")
            << QByteArray("{\"message\": \"a\x01b\"}") << false
            << QStringLiteral("control character");
        QTest::newRow("single quotes") << QByteArray("{'message': 'x'}") << false
                                       << QStringLiteral("not JSON");
        QTest::newRow("trailing comma") << QByteArray(R"({"message": "x",})") << false
                                        << QStringLiteral("not JSON");
    }

    void bodies_decodeAsPythonDoes()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, decodes);
        QFETCH(QString, reasonPart);
        const ResponseVerdict verdict =
            AppResponseJudge::judge(answered(200, body), context(AppTrigger::MemoryCreation));
        QVERIFY2(verdict.reason.contains(reasonPart), qPrintable(verdict.reason));
        QCOMPARE(!verdict.reason.contains(u"fails to decode it"), decodes);

        // The reference: Debian's python3 decoding the body as requests does.
        if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
            QSKIP("no /usr/bin/python3 to compare with");
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import json, sys, threading\n"
                                     "body = sys.stdin.buffer.read().decode('utf-8', 'replace')\n"
                                     "def run():\n"
                                     "    try: json.loads(body); print('decoded')\n"
                                     "    except (ValueError, RecursionError): pass\n"
                                     "t = threading.Thread(target=run); t.start(); t.join()\n")});
        python.write(body);
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(30'000));
        QCOMPARE(python.readAllStandardOutput().trimmed() == "decoded", decodes);
    }

    void memoryCreation_notesANotificationItIgnores()
    {
        const ResponseVerdict verdict = AppResponseJudge::judge(
            answered(200, R"({"message": "Saved", "notification": {"prompt": "x"}})"),
            context(AppTrigger::MemoryCreation, true));
        QCOMPARE(verdict.kind, ResponseVerdict::Kind::Notification);
        QCOMPARE(verdict.notes.size(), 1);
        QVERIFY(verdict.notes[0].contains(QStringLiteral("only on transcript_processed")));
    }

    void transcriptProcessed_data()
    {
        QTest::addColumn<HttpResult>("result");
        QTest::addColumn<ResponseVerdict::Kind>("kind");
        QTest::addColumn<QString>("reasonPart");

        using K = ResponseVerdict::Kind;
        QTest::newRow("long message")
            << answered(200, R"({"message": "Stay on topic!"})") << K::Notification
            << QStringLiteral("notifies \"Focus Guardian says\"");
        QTest::newRow("six characters") << answered(200, R"({"message": "Hello!"})")
                                        << K::Notification << QStringLiteral("notifies");
        QTest::newRow("five characters") << answered(200, R"({"message": "Hello"})") << K::Dropped
                                         << QStringLiteral("5 characters or fewer");
        QTest::newRow("five emoji are five characters")
            << answered(200, "{\"message\": "
                             "\"\xF0\x9F\x91\x8B\xF0\x9F\x91\x8B\xF0\x9F\x91\x8B\xF0\x9F\x91\x8B"
                             "\xF0\x9F\x91\x8B\"}")
            << K::Dropped << QStringLiteral("has 5 character(s)");
        QTest::newRow("six emoji")
            << answered(200, "{\"message\": \"\xF0\x9F\x91\x8B\xF0\x9F\x91\x8B\xF0\x9F\x91\x8B"
                             "\xF0\x9F\x91\x8B\xF0\x9F\x91\x8B\xF0\x9F\x91\x8B\"}")
            << K::Notification << QStringLiteral("notifies");
        QTest::newRow("empty object")
            << answered(200, "{}") << K::Silent << QStringLiteral("empty answer");
        QTest::newRow("empty array")
            << answered(200, "[]") << K::Silent << QStringLiteral("empty answer");
        QTest::newRow("null") << answered(200, "null") << K::Silent
                              << QStringLiteral("empty answer");
        QTest::newRow("zero") << answered(200, "0") << K::Silent << QStringLiteral("empty answer");
        QTest::newRow("other keys only") << answered(200, R"({"status": "ok"})") << K::Silent
                                         << QStringLiteral("no message and no notification");
        QTest::newRow("non-empty array")
            << answered(200, "[1]") << K::Ignored << QStringLiteral("an array, not a JSON object");
        QTest::newRow("number message") << answered(200, R"({"message": 123456})") << K::Ignored
                                        << QStringLiteral("ignores the whole answer");
        QTest::newRow("list message") << answered(200, R"({"message": ["a","b","c","d","e","f"]})")
                                      << K::Ignored << QStringLiteral("an array, not a string");
        QTest::newRow("notification without capability")
            << answered(200, proactiveAnswer("Be nice")) << K::Ignored
            << QStringLiteral("does not declare the proactive_notification");
        QTest::newRow("status 204")
            << answered(204, "") << K::Ignored << QStringLiteral("status 204");
        QTest::newRow("invalid json") << answered(200, "{\"message\": \"unterminated}")
                                      << K::Ignored << QStringLiteral("not JSON");
    }

    void transcriptProcessed()
    {
        QFETCH(HttpResult, result);
        QFETCH(ResponseVerdict::Kind, kind);
        QFETCH(QString, reasonPart);
        const ResponseVerdict verdict =
            AppResponseJudge::judge(result, context(AppTrigger::TranscriptProcessed));
        QCOMPARE(verdict.kind, kind);
        QVERIFY2(verdict.reason.contains(reasonPart), qPrintable(verdict.reason));
        QCOMPARE(verdict.notifications.isEmpty(), kind != ResponseVerdict::Kind::Notification);
        QCOMPARE(verdict.answerInvalid(), kind == ResponseVerdict::Kind::Ignored);
    }

    void proactive_fillsDeclaredScopesOnly()
    {
        const ResponseVerdict verdict = AppResponseJudge::judge(
            answered(
                200,
                proactiveAnswer(
                    "    Hi {{user_name}}. Facts: {{user_facts}}. Context: {{user_context}}.  ",
                    R"(["user_name", "user_context", 7])")),
            context(AppTrigger::TranscriptProcessed, true));
        QCOMPARE(verdict.kind, ResponseVerdict::Kind::Notification);
        QVERIFY(verdict.proactive);
        QCOMPARE(verdict.proactive->requestedParams,
                 QStringList({QStringLiteral("user_name"), QStringLiteral("user_context")}));
        QCOMPARE(verdict.proactive->filledParams, QStringList({QStringLiteral("user_name")}));
        QCOMPARE(verdict.proactive->unfilledParams, QStringList({QStringLiteral("user_context")}));
        QCOMPARE(verdict.proactive->modelInput,
                 QStringLiteral(
                     "Hi [the user's name]. Facts: {{user_facts}}. Context: {{user_context}}."));
        QCOMPARE(verdict.proactive->context["question"].get<std::string>(), std::string("focus"));
        QCOMPARE(verdict.notifications.size(), 1);
        QVERIFY(verdict.notifications[0].writtenByModel);
        QCOMPARE(verdict.notifications[0].title, QStringLiteral("Focus Guardian says"));
        QVERIFY(verdict.reason.contains(QStringLiteral("never sees the prompt")));
        QCOMPARE(verdict.notes.size(), 2); // the number param and the undeclared scope
    }

    void proactive_usesTheSimulatedUser()
    {
        JudgeContext c = context(AppTrigger::TranscriptProcessed, true);
        c.user.name = QStringLiteral("Maya");
        c.generatedMessage = QStringLiteral("Maya, you drifted off topic.");
        const ResponseVerdict verdict =
            AppResponseJudge::judge(answered(200, proactiveAnswer("Nudge {{user_name}}")), c);
        QCOMPARE(verdict.proactive->modelInput, QStringLiteral("Nudge Maya"));
        QCOMPARE(verdict.notifications[0].body, QStringLiteral("Maya, you drifted off topic."));
        QCOMPARE(verdict.chatMessage, c.generatedMessage);
    }

    void proactive_dropsShortGeneratedMessages()
    {
        JudgeContext c = context(AppTrigger::TranscriptProcessed, true);
        c.generatedMessage = QStringLiteral("Ok!");
        const ResponseVerdict verdict =
            AppResponseJudge::judge(answered(200, proactiveAnswer("Say something")), c);
        QCOMPARE(verdict.kind, ResponseVerdict::Kind::Dropped);
        QVERIFY(verdict.reason.contains(QStringLiteral("under 5 characters")));
    }

    void proactive_tooLongPromptNotifiesTheUser()
    {
        const QByteArray prompt(8001, 'x');
        const ResponseVerdict verdict = AppResponseJudge::judge(
            answered(200, proactiveAnswer(prompt)), context(AppTrigger::TranscriptProcessed, true));
        QCOMPARE(verdict.kind, ResponseVerdict::Kind::Notification);
        QCOMPARE(verdict.notifications[0].body,
                 QStringLiteral("Prompt too long: 8001/8000 characters. Please shorten."));
        QVERIFY(!verdict.notifications[0].writtenByModel);
        const ResponseVerdict atLimit =
            AppResponseJudge::judge(answered(200, proactiveAnswer(QByteArray(8000, 'x'))),
                                    context(AppTrigger::TranscriptProcessed, true));
        QVERIFY(atLimit.notifications[0].writtenByModel);
    }

    // Today's app (JudgeRules of apps-2026): 128,000 characters, and a longer prompt is
    // refused without a word to the user.
    void proactive_todaysLimit()
    {
        JudgeContext c = context(AppTrigger::TranscriptProcessed, true);
        c.rules.proactivePromptLimit = 128'000;
        c.rules.promptTooLongNotifies = false;
        const ResponseVerdict within =
            AppResponseJudge::judge(answered(200, proactiveAnswer(QByteArray(8001, 'x'))), c);
        QCOMPARE(within.kind, ResponseVerdict::Kind::Notification);
        QVERIFY(within.notifications[0].writtenByModel);
        const ResponseVerdict over =
            AppResponseJudge::judge(answered(200, proactiveAnswer(QByteArray(128'001, 'x'))), c);
        QCOMPARE(over.kind, ResponseVerdict::Kind::Dropped);
        QVERIFY(over.notifications.isEmpty());
        QVERIFY2(over.reason.contains(u"128000") && over.reason.contains(u"Prompt too long"),
                 qPrintable(over.reason));
    }

    // Today's app keeps a memory's message as a chat message and pushes nothing.
    void memoryCreation_todayChatOnly()
    {
        JudgeContext c = context(AppTrigger::MemoryCreation);
        c.rules.memoryMessageNotifies = false;
        const ResponseVerdict verdict =
            AppResponseJudge::judge(answered(200, R"({"message": "Saved to Notion"})"), c);
        QCOMPARE(verdict.kind, ResponseVerdict::Kind::Silent);
        QVERIFY(verdict.notifications.isEmpty());
        QCOMPARE(verdict.chatMessage, QStringLiteral("Saved to Notion"));
        QVERIFY(verdict.reason.contains(u"no push notification"));
    }

    void proactive_malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ResponseVerdict::Kind>("kind");
        QTest::addColumn<QString>("reasonPart");

        using K = ResponseVerdict::Kind;
        QTest::newRow("empty prompt")
            << proactiveAnswer("") << K::Dropped << QStringLiteral("prompt is empty");
        QTest::newRow("whitespace prompt")
            << proactiveAnswer("        ") << K::Dropped << QStringLiteral("prompt is empty");
        QTest::newRow("no prompt") << QByteArray(R"({"notification": {"params": []}})")
                                   << K::Dropped << QStringLiteral("prompt is empty");
        QTest::newRow("string notification")
            << QByteArray(R"({"notification": "hello"})") << K::Ignored
            << QStringLiteral("a string, not an object");
        QTest::newRow("number prompt") << QByteArray(R"({"notification": {"prompt": 5}})")
                                       << K::Ignored << QStringLiteral("prompt\" is a number");
        QTest::newRow("empty notification") << QByteArray(R"({"notification": {}})") << K::Silent
                                            << QStringLiteral("no message and no notification");
    }

    void proactive_malformedRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(ResponseVerdict::Kind, kind);
        QFETCH(QString, reasonPart);
        const ResponseVerdict verdict = AppResponseJudge::judge(
            answered(200, body), context(AppTrigger::TranscriptProcessed, true));
        QCOMPARE(verdict.kind, kind);
        QVERIFY2(verdict.reason.contains(reasonPart), qPrintable(verdict.reason));
    }

    void proactive_rateLimitedPerUserAndPluginOnTheRunClock()
    {
        ProactiveRateLimiter limiter;
        JudgeContext c = context(AppTrigger::TranscriptProcessed, true);
        const HttpResult result = answered(200, proactiveAnswer("Check in"));
        const auto judge = [&] { return judgeRateLimited(result, c, limiter); };

        c.nowMs = 1'000;
        QCOMPARE(judge().kind, ResponseVerdict::Kind::Notification);
        c.nowMs = 30'999;
        const ResponseVerdict limited = judge();
        QCOMPARE(limited.kind, ResponseVerdict::Kind::Dropped);
        QVERIFY2(limited.reason.contains(QStringLiteral("next possible at 31000 ms")),
                 qPrintable(limited.reason));
        c.uid = QStringLiteral("someone-else");
        QCOMPARE(judge().kind, ResponseVerdict::Kind::Notification);
        c.uid = QStringLiteral("u1");
        c.nowMs = 31'000;
        QCOMPARE(judge().kind, ResponseVerdict::Kind::Notification);
        // A dropped one does not restart the window.
        c.nowMs = 40'000;
        QCOMPARE(judge().kind, ResponseVerdict::Kind::Dropped);
        c.nowMs = 61'000;
        QCOMPARE(judge().kind, ResponseVerdict::Kind::Notification);
    }

    void judge_onlyReadsTheRateLimit()
    {
        JudgeContext c = context(AppTrigger::TranscriptProcessed, true);
        const HttpResult result = answered(200, proactiveAnswer("Check in"));
        const ResponseVerdict free = AppResponseJudge::judge(result, c);
        QCOMPARE(free.kind, ResponseVerdict::Kind::Notification);
        QVERIFY(free.proactiveNotified);
        // Judging twice gives the same verdict: the judge keeps no count of its own.
        QCOMPARE(AppResponseJudge::judge(result, c).kind, ResponseVerdict::Kind::Notification);
        c.proactiveBlockedUntil = 45'000;
        const ResponseVerdict limited = AppResponseJudge::judge(result, c);
        QCOMPARE(limited.kind, ResponseVerdict::Kind::Dropped);
        QVERIFY(!limited.proactiveNotified);
        QVERIFY(limited.reason.contains(QStringLiteral("next possible at 45000 ms")));
    }

    void messageAndNotification_bothReachTheUser()
    {
        const ResponseVerdict verdict = AppResponseJudge::judge(
            answered(
                200,
                R"({"message": "You mentioned Paris twice.", "notification": {"prompt": "Summarise", "params": []}})"),
            context(AppTrigger::TranscriptProcessed, true));
        QCOMPARE(verdict.kind, ResponseVerdict::Kind::Notification);
        QCOMPARE(verdict.notifications.size(), 2);
        QCOMPARE(verdict.notifications[0].body, QStringLiteral("You mentioned Paris twice."));
        QVERIFY(verdict.notifications[1].writtenByModel);
    }

    void shortMessageWithBadNotification_isDroppedAndNoted()
    {
        const ResponseVerdict verdict =
            AppResponseJudge::judge(answered(200, R"({"message": "hey", "notification": [1]})"),
                                    context(AppTrigger::TranscriptProcessed, true));
        QCOMPARE(verdict.kind, ResponseVerdict::Kind::Dropped);
        QCOMPARE(verdict.notes.size(), 1);
        QVERIFY(verdict.notes[0].contains(QStringLiteral("not an object")));
    }

    void codePoints_countsLikePython()
    {
        QCOMPARE(AppResponseJudge::codePoints(QStringLiteral("abc")), 3);
        QCOMPARE(AppResponseJudge::codePoints(QStringLiteral("\U0001F44B\U0001F44B")), 2);
        QCOMPARE(AppResponseJudge::codePoints(QStringLiteral("e\u0301")),
                 2); // combining accent: two code points
        QCOMPARE(AppResponseJudge::codePoints(QString()), 0);
    }

    void kindNames()
    {
        QCOMPARE(ResponseVerdict::kindName(ResponseVerdict::Kind::Notification),
                 QStringLiteral("notification"));
        QCOMPARE(ResponseVerdict::kindName(ResponseVerdict::Kind::Silent),
                 QStringLiteral("silent"));
        QCOMPARE(ResponseVerdict::kindName(ResponseVerdict::Kind::Dropped),
                 QStringLiteral("dropped"));
        QCOMPARE(ResponseVerdict::kindName(ResponseVerdict::Kind::Ignored),
                 QStringLiteral("ignored"));
    }
};

QTEST_GUILESS_MAIN(AppResponseJudgeTest)
#include "tst_appresponsejudge.moc"
