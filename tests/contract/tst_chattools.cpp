#include "PythonHmac.h"
#include "TestFiles.h"
#include "contract/apps2026/ChatToolCall.h"
#include "contract/apps2026/ChatToolsManifest.h"
#include "contract/apps2026/ToolCallSignature.h"

#include <QTest>

#include <algorithm>

using namespace studio;
using namespace studio::test;

namespace {

const QString kHome = QStringLiteral("https://music.example.com");

// A clean tools manifest: every rule's case below breaks it in one place.
Json cleanTools()
{
    return Json::parse(
        readFile(QStringLiteral(STUDIO_TEST_DATA_DIR "/clean-tools.json")).toStdString());
}

ChatToolsManifest parsed(const Json &manifest, const QString &home = kHome)
{
    return ChatToolsManifest::parse(manifest.dump(2), home);
}

QStringList codes(const ValidationReport &report)
{
    QStringList list;
    for (const Diagnostic &diagnostic : report.diagnostics)
        list << QString::fromLatin1(diagnostic.code().data(), qsizetype(diagnostic.code().size()));
    return list;
}

// The only finding is `code`, about `pointer`; returns it.
Diagnostic only(const ChatToolsManifest &manifest, std::string_view code,
                const std::string &pointer)
{
    const auto &diagnostics = manifest.report.diagnostics;
    if (diagnostics.size() != 1 || diagnostics.front().code() != code ||
        diagnostics.front().pointer != pointer)
        qWarning("found: %s", qPrintable(codes(manifest.report).join(u' ')));
    return diagnostics.size() == 1 ? diagnostics.front() : Diagnostic{};
}

#define QCOMPARE_ONLY(manifest, expectedCode, expectedPointer)                                   \
    do {                                                                                         \
        const Diagnostic found = only(manifest, expectedCode, expectedPointer);                  \
        QCOMPARE(QString::fromLatin1(found.code().data(), qsizetype(found.code().size())),       \
                 QStringLiteral(expectedCode));                                                  \
        QCOMPARE(QString::fromStdString(found.pointer), QString::fromStdString(expectedPointer)); \
        QVERIFY(found.start.line > 0 && found.start.column > 0);                                 \
    } while (false)

} // namespace

// The chat tools manifest's rules one by one (a clean manifest broken in one place each),
// typing the arguments, building a call and reading its answer.
class ChatToolsTest : public QObject
{
    Q_OBJECT

private slots:
    void cleanManifest_hasNoFindings_andResolvesEndpoints()
    {
        const ChatToolsManifest manifest = parsed(cleanTools());
        QVERIFY2(manifest.report.diagnostics.empty(), qPrintable(codes(manifest.report).join(u' ')));
        QCOMPARE(manifest.tools.size(), std::size_t(2));
        const ChatTool &add = manifest.tools[0];
        QCOMPARE(add.url, QStringLiteral("https://music.example.com/tools/add"));
        QCOMPARE(add.parameters.size(), std::size_t(2));
        QVERIFY(add.parameter("song")->required);
        QVERIFY(!add.parameter("position")->required);
        QVERIFY(add.authRequired);
        QCOMPARE(add.assistantName("01J"), std::string("01J_add_song"));
        QCOMPARE(manifest.tools[1].url, QStringLiteral("https://music.example.com/tools/find"));
        QVERIFY(manifest.tools[1].sendsQuery());
    }

    // A string's enum is what the chat model picks from: the form offers those values.
    void stringEnum_isKeptAsTheChoices()
    {
        Json manifest = cleanTools();
        manifest["tools"][0]["parameters"]["properties"]["song"]["enum"] = {"Blue", 7, "Help"};
        manifest["tools"][0]["parameters"]["properties"]["position"]["enum"] = {1, 2};
        const ChatToolsManifest read = parsed(manifest);
        QVERIFY(read.report.diagnostics.empty());
        const ChatTool &add = read.tools[0];
        QCOMPARE(add.parameter("song")->choices, (std::vector<std::string>{"Blue", "Help"}));
        QVERIFY(add.parameter("position")->choices.empty()); // an integer's enum: any integer
    }

    void homeUrlWithPathAndSlash_keepsThePath()
    {
        QCOMPARE(ChatToolsManifest::resolveEndpoint("/tools/add", QStringLiteral("https://x.io/app/")),
                 QStringLiteral("https://x.io/app/tools/add"));
        QCOMPARE(ChatToolsManifest::wellKnownUrl(QStringLiteral("https://x.io")),
                 QStringLiteral("https://x.io/.well-known/omi-tools.json"));
    }

    void notAnObject_isPS401()
    {
        const ChatToolsManifest manifest = ChatToolsManifest::parse("[]", kHome);
        QCOMPARE_ONLY(manifest, "PS401", std::string());
    }

    void toolsNotAnArray_isPS401()
    {
        Json manifest = cleanTools();
        manifest["tools"] = Json::object();
        QCOMPARE_ONLY(parsed(manifest), "PS401", std::string("/tools"));
    }

    void missingDescription_isPS402_andDropsTheTool()
    {
        Json manifest = cleanTools();
        manifest["tools"][0].erase("description");
        const ChatToolsManifest result = parsed(manifest);
        QCOMPARE_ONLY(result, "PS402", std::string("/tools/0"));
        QCOMPARE(result.tools.size(), std::size_t(1));
        QCOMPARE(result.tools[0].name, std::string("find_songs"));
    }

    void emptyName_andNonStringEndpoint_arePS402()
    {
        Json manifest = cleanTools();
        manifest["tools"][0]["name"] = "  ";
        QCOMPARE_ONLY(parsed(manifest), "PS402", std::string("/tools/0/name"));
        manifest = cleanTools();
        manifest["tools"][1]["endpoint"] = 42;
        QCOMPARE_ONLY(parsed(manifest), "PS402", std::string("/tools/1/endpoint"));
    }

    void unsupportedParameterType_isPS403_withSuggestion()
    {
        Json manifest = cleanTools();
        manifest["tools"][1]["parameters"]["properties"]["limit"]["type"] = "integr";
        const ChatToolsManifest result = parsed(manifest);
        QCOMPARE_ONLY(result, "PS403", std::string("/tools/1/parameters/properties/limit/type"));
        QVERIFY(result.report.diagnostics.front().message.find("'integer'") != std::string::npos);
        manifest = cleanTools();
        manifest["tools"][1]["parameters"]["properties"]["limit"] = {{"type", "object"}};
        QCOMPARE_ONLY(parsed(manifest), "PS403", std::string("/tools/1/parameters/properties/limit/type"));
    }

    void duplicateName_isPS404()
    {
        Json manifest = cleanTools();
        manifest["tools"][1]["name"] = "add_song";
        QCOMPARE_ONLY(parsed(manifest), "PS404", std::string("/tools/1/name"));
    }

    void unsupportedMethod_isPS405_andLowercaseIsAccepted()
    {
        Json manifest = cleanTools();
        manifest["tools"][0]["method"] = "DELETE";
        const ChatToolsManifest result = parsed(manifest);
        QCOMPARE_ONLY(result, "PS405", std::string("/tools/0/method"));
        QCOMPARE(result.tools.size(), std::size_t(1));
        manifest["tools"][0]["method"] = "put";
        const ChatToolsManifest lower = parsed(manifest);
        QVERIFY(lower.report.diagnostics.empty());
        QCOMPARE(lower.tools[0].method, std::string("PUT"));
    }

    void noMethod_isPost()
    {
        Json manifest = cleanTools();
        manifest["tools"][0].erase("method");
        QCOMPARE(parsed(manifest).tools[0].method, std::string("POST"));
    }

    void relativeEndpointWithoutHome_isPS406()
    {
        const ChatToolsManifest result = parsed(cleanTools(), QString());
        QCOMPARE_ONLY(result, "PS406", std::string("/tools/0/endpoint"));
        QCOMPARE(result.tools.size(), std::size_t(1)); // the absolute one stays
    }

    void endpointNeitherPathNorUrl_isPS406()
    {
        Json manifest = cleanTools();
        manifest["tools"][0]["endpoint"] = "tools/add";
        QCOMPARE_ONLY(parsed(manifest), "PS406", std::string("/tools/0/endpoint"));
    }

    void absoluteEndpoint_getsTheUrlRules()
    {
        Json manifest = cleanTools();
        manifest["tools"][1]["endpoint"] = "http://music.example.com/tools/find";
        QCOMPARE_ONLY(parsed(manifest), "PS131", std::string("/tools/1/endpoint"));
    }

    void requiredButUndeclared_isPS407()
    {
        Json manifest = cleanTools();
        manifest["tools"][0]["parameters"]["required"].push_back("album");
        QCOMPARE_ONLY(parsed(manifest), "PS407", std::string("/tools/0/parameters/required/1"));
    }

    void wrongTypes_arePS102()
    {
        Json manifest = cleanTools();
        manifest["tools"][0]["auth_required"] = "yes";
        QCOMPARE_ONLY(parsed(manifest), "PS102", std::string("/tools/0/auth_required"));
        manifest = cleanTools();
        manifest["tools"][0]["parameters"] = "song";
        QCOMPARE_ONLY(parsed(manifest), "PS102", std::string("/tools/0/parameters"));
    }

    void unknownKey_isPS182_withSuggestion()
    {
        Json manifest = cleanTools();
        manifest["tools"][0]["endpont"] = "/x";
        const ChatToolsManifest result = parsed(manifest);
        QCOMPARE_ONLY(result, "PS182", std::string("/tools/0/endpont"));
        QVERIFY(result.report.diagnostics.front().fix.has_value());
    }

    void unknownChatTarget_isPS309()
    {
        Json manifest = cleanTools();
        manifest["chat_messages"]["target"] = "mian";
        QCOMPARE_ONLY(parsed(manifest), "PS309", std::string("/chat_messages/target"));
    }

    void syntaxError_isPS001_atItsLine()
    {
        const ChatToolsManifest result =
            ChatToolsManifest::parse("{\n  \"tools\": [\n    {\"name\": \"a\",}\n  ]\n}", kHome);
        QCOMPARE(result.report.diagnostics.size(), std::size_t(1));
        QCOMPARE(result.report.diagnostics[0].code(), std::string_view("PS001"));
        QCOMPARE(result.report.diagnostics[0].start.line, 3);
    }

    void argumentsAreTypedByTheSchema()
    {
        const ChatTool find = parsed(cleanTools()).tools[1];
        std::string error;
        QVERIFY(chat_tool_call::typedValue(*find.parameter("live"), QStringLiteral("true"), error) ==
                Json(true));
        QVERIFY(chat_tool_call::typedValue(*find.parameter("limit"), QStringLiteral("2.5"), error) ==
                Json(2.5));
        QVERIFY(chat_tool_call::typedValue(*find.parameter("genres"), QStringLiteral("[\"jazz\"]"),
                                           error) == Json::array({"jazz"}));
        QVERIFY(!chat_tool_call::typedValue(*find.parameter("live"), QStringLiteral("yes"), error));
        QVERIFY(error.find("true or false") != std::string::npos);
        const ChatTool add = parsed(cleanTools()).tools[0];
        QVERIFY(!chat_tool_call::typedValue(*add.parameter("position"), QStringLiteral("2.5"), error));
        QVERIFY(chat_tool_call::checkArguments(add, Json::object()).find("requires 'song'") !=
                std::string::npos);
        QVERIFY(chat_tool_call::checkArguments(add, {{"song", "x"}, {"mood", 1}}).find("'mood'") !=
                std::string::npos);
        QVERIFY(chat_tool_call::checkArguments(add, {{"song", "x"}, {"position", 2}}).empty());
    }

    void getCall_putsEverythingInTheQuery_asPythonRequestsWrites()
    {
        const ChatTool find = parsed(cleanTools()).tools[1];
        const HttpRequest request = chat_tool_call::request(
            find, {{"artist", "Nina Simone"}, {"live", true}, {"genres", {"jazz", "soul"}}},
            {QStringLiteral("u1"), QStringLiteral("app1"), {}, 0, {}});
        QCOMPARE(request.method, QByteArray("GET"));
        QVERIFY(request.body.isEmpty());
        QCOMPARE(request.timeoutMs, 120'000);
        QCOMPARE(request.url,
                 QStringLiteral("https://music.example.com/tools/find?artist=Nina+Simone&live=True"
                                "&genres=jazz&genres=soul&uid=u1&app_id=app1&tool_name=find_songs"));
    }

    void signedCall_v2_matchesPython()
    {
        const ChatTool add = parsed(cleanTools()).tools[0];
        const chat_tool_call::CallContext context{QStringLiteral("u 1"), QStringLiteral("app1"),
                                                  QStringLiteral("whsec_abc"), 1'700'000'000,
                                                  "d-1"};
        HttpRequest request = chat_tool_call::request(add, {{"song", "Café"}}, context);
        QCOMPARE(request.body,
                 QByteArray(R"({"song":"Café","uid":"u 1","app_id":"app1","tool_name":"add_song"})"));
        const auto header = [&](const char *name) {
            for (const auto &[key, value] : request.headers)
                if (key == name)
                    return value;
            return QByteArray();
        };
        QCOMPARE(header("X-Omi-Event"), QByteArray("chat_tool"));
        QCOMPARE(header("X-Omi-Delivery"), QByteArray("d-1"));
        const QByteArray expected =
            pythonV2Hex({QStringLiteral("whsec_abc"), QStringLiteral("1700000000"),
                      QStringLiteral("d-1"), QStringLiteral("POST"), request.url},
                     request.body);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(header("X-Omi-Signature"), "t=1700000000,v2=" + expected);

        const ChatTool find = parsed(cleanTools()).tools[1];
        request = chat_tool_call::request(find, {{"artist", "Ñ & co/x"}}, context);
        const QByteArray query = pythonV2Hex({QStringLiteral("whsec_abc"), QStringLiteral("1700000000"),
                                           QStringLiteral("d-1"), QStringLiteral("GET"), request.url},
                                          {});
        QCOMPARE(header("X-Omi-Signature"), "t=1700000000,v2=" + query);
    }

    void answers_asTheChatModelReceivesThem()
    {
        const ChatTool add = parsed(cleanTools()).tools[0];
        const auto answerTo = [&](int status, const QByteArray &body) {
            HttpResult result;
            result.status = status;
            result.body = body;
            return chat_tool_call::answer(add, result);
        };
        using Kind = chat_tool_call::ToolAnswer::Kind;
        auto answer = answerTo(200, R"({"result": "Added", "message": "m"})");
        QCOMPARE(answer.kind, Kind::Result);
        QCOMPARE(answer.text, QStringLiteral("Added"));
        answer = answerTo(201, R"({"message": "Queued"})");
        QCOMPARE(answer.kind, Kind::Message);
        QCOMPARE(answer.text, QStringLiteral("Queued"));
        answer = answerTo(200, "plain text");
        QCOMPARE(answer.kind, Kind::Raw);
        QCOMPARE(answer.text, QStringLiteral("plain text"));
        answer = answerTo(500, "boom");
        QCOMPARE(answer.kind, Kind::Error);
        QCOMPARE(answer.text, QStringLiteral("Error calling add_song: HTTP 500 - boom"));
        QCOMPARE(answerTo(403, "no").kind, Kind::Unavailable);
        HttpResult failed;
        failed.error = HttpError::Timeout;
        failed.errorMessage = QStringLiteral("no answer within 120 s");
        QCOMPARE(chat_tool_call::answer(add, failed).kind, Kind::Failed);
    }
};

QTEST_GUILESS_MAIN(ChatToolsTest)
#include "tst_chattools.moc"
