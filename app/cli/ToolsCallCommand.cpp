#include "ChatToolsInput.h"
#include "HistoryKeeping.h"
#include "SigningSecretOption.h"
#include "ToolsCommands.h"
#include "contract/Contract.h"
#include "contract/apps2026/ChatToolCall.h"
#include "io/TextFile.h"
#include "simulation/engine/SimulationPlan.h"

#include <QDateTime>
#include <QUuid>

namespace studio::cli {

namespace {

// The arguments the chat model would send, from --args FILE.json or each --arg key=value
// typed by its parameter; nullopt after saying what is wrong.
std::optional<Json> argumentsOf(const OptionParser &parser, const ChatTool &tool, const CliIo &io)
{
    Json arguments = Json::object();
    const QStringList pairs = parser.parser().values(QStringLiteral("arg"));
    if (parser.isSet(QStringLiteral("args"))) {
        if (!pairs.isEmpty()) {
            io.fail("give --arg or --args, not both");
            return std::nullopt;
        }
        TextFileRead read = TextFile::read(parser.value(QStringLiteral("args")));
        const JsonParseResult parsed = parseJson(read.bytes);
        if (!read.ok || !parsed.ok()) {
            io.fail(read.ok ? "--args is not JSON: " + parsed.error->message : read.error);
            return std::nullopt;
        }
        arguments = parsed.value;
    }
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        const std::string name = pair.left(equals).toStdString();
        const ChatToolParameter *parameter = equals > 0 ? tool.parameter(name) : nullptr;
        if (!parameter) {
            io.fail(equals > 0 ? "tool '" + tool.name + "' has no parameter '" + name + "'"
                               : "--arg takes key=value, not '" + pair.toStdString() + "'");
            return std::nullopt;
        }
        std::string error;
        auto value = chat_tool_call::typedValue(*parameter, pair.mid(equals + 1), error);
        if (!value) {
            io.fail(error);
            return std::nullopt;
        }
        arguments[name] = std::move(*value);
    }
    if (const std::string wrong = chat_tool_call::checkArguments(tool, arguments); !wrong.empty()) {
        io.fail(wrong);
        return std::nullopt;
    }
    return arguments;
}

} // namespace

int runToolsCall(const QStringList &arguments, const CliIo &io)
{
    OptionParser parser(toolsUsage());
    addChatToolsOptions(parser);
    addSigningSecretOption(parser);
    parser.addOption({QStringLiteral("arg"), QStringLiteral("An argument."),
                      QStringLiteral("KEY=VALUE")});
    parser.addOption({QStringLiteral("args"), QStringLiteral("The arguments as JSON."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("uid"), QStringLiteral("User id."), QStringLiteral("UID")});
    parser.addFlag(QStringLiteral("no-history"), QStringLiteral("No history."));
    if (const auto exit = parser.parse(arguments, io, 1, 1))
        return *exit;
    const std::optional<QString> secret =
        signingSecretFor(parser, Contract::apps2026(), false, io);
    if (!secret)
        return kUsageError;
    const QString uid = parser.isSet(QStringLiteral("uid"))
                            ? parser.value(QStringLiteral("uid"))
                            : QString::fromLatin1(SimulationPlan::kDefaultUid);
    if (uid.isEmpty())
        return io.fail("--uid must not be empty");
    int exit = kSuccess;
    const auto input = ChatToolsInput::load(parser, io, exit);
    if (!input)
        return exit;
    const std::string name = parser.positional().first().toStdString();
    const ChatTool *tool = input->manifest.tool(name);
    if (!tool)
        return io.fail("the manifest " + input->source + " offers no callable tool '" + name +
                       "'; 'plugin-studio tools check' lists them");
    const auto toolArguments = argumentsOf(parser, *tool, io);
    if (!toolArguments)
        return kUsageError;

    const chat_tool_call::CallContext context{
        uid, input->appId, *secret, QDateTime::currentSecsSinceEpoch(),
        QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()};
    const HttpRequest request = chat_tool_call::request(*tool, *toolArguments, context);
    io.err << printable(request.method.toStdString() + ' ' + request.url.toStdString()) << '\n';
    if (!request.body.isEmpty())
        io.err << printable(request.body.toStdString()) << '\n';
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    const HttpResult result = sendAndWait(request);
    const chat_tool_call::ToolAnswer answer = chat_tool_call::answer(*tool, result);
    if (result.succeeded())
        io.err << "HTTP " << result.status << "; the assistant receives the "
               << chat_tool_call::kindName(answer.kind).toStdString() << ":\n";
    io.out << printable(answer.text.toStdString()) << '\n';

    RunInfo info;
    info.pluginId = input->appId;
    info.pluginName = input->appName;
    info.uid = uid;
    info.source = QString::fromStdString(input->source);
    info.startedAt = startedAt;
    RunOptions options;
    options.noHistory = parser.isSet(QStringLiteral("no-history"));
    keepInHistory(StoredRun::ofToolCall(*tool, info, result, answer), options, io);
    using Kind = chat_tool_call::ToolAnswer::Kind;
    return answer.kind == Kind::Result || answer.kind == Kind::Message || answer.kind == Kind::Raw
               ? kSuccess
               : kFailed;
}

} // namespace studio::cli
