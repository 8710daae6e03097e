#include "ChatToolsInput.h"
#include "DiagnosticPrinter.h"
#include "ToolsCommands.h"

namespace studio::cli {

namespace {

Json toolsJson(const ChatToolsInput &input)
{
    Json tools = Json::array();
    for (const ChatTool &tool : input.manifest.tools) {
        Json parameters = Json::array();
        for (const ChatToolParameter &parameter : tool.parameters)
            parameters.push_back({{"name", parameter.name},
                                  {"type", parameter.type},
                                  {"required", parameter.required},
                                  {"description", parameter.description}});
        tools.push_back({{"name", tool.name},
                         {"assistant_name", tool.assistantName(input.appId.toStdString())},
                         {"description", tool.description},
                         {"method", tool.method},
                         {"url", tool.url.toStdString()},
                         {"auth_required", tool.authRequired},
                         {"status_message", tool.statusMessage},
                         {"parameters", parameters}});
    }
    return tools;
}

void printToolsAsText(const ChatToolsInput &input, std::ostream &out)
{
    const std::size_t count = input.manifest.tools.size();
    out << printable(std::to_string(count) + (count == 1 ? " tool" : " tools") +
                     " as the assistant sees them:")
        << '\n';
    for (const ChatTool &tool : input.manifest.tools) {
        out << printable("  " + tool.assistantName(input.appId.toStdString()) + "  " +
                         tool.method + ' ' + tool.url.toStdString())
            << '\n'
            << printable("      " + tool.description) << '\n';
        for (const ChatToolParameter &parameter : tool.parameters)
            out << printable("      " + parameter.name + " (" + parameter.type +
                             (parameter.required ? ", required" : "") + ")" +
                             (parameter.description.empty() ? "" : ": " + parameter.description))
                << '\n';
    }
}

} // namespace

int runToolsCheck(const QStringList &arguments, const CliIo &io)
{
    OptionParser parser(toolsUsage());
    addChatToolsOptions(parser);
    parser.addTextOrJsonFormat();
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    const std::optional<bool> json = parser.jsonFormat(io);
    if (!json)
        return kUsageError;
    int exit = kSuccess;
    const auto input = ChatToolsInput::load(parser, io, exit);
    if (!input)
        return exit;
    const ValidationReport &report = input->manifest.report;
    if (*json) {
        Json document = diagnosticsDocument(report, input->source, input->text, "apps-2026");
        document["source"] = input->source;
        document["http_status"] = input->httpStatus;
        document["app_id"] = input->appId.toStdString();
        document["app_id_placeholder"] = input->placeholderId;
        document["tools"] = toolsJson(*input);
        io.out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    } else {
        io.err << printable(input->source +
                            (input->httpStatus ? " (HTTP " + std::to_string(input->httpStatus) + ")"
                                               : std::string()))
               << '\n';
        if (input->placeholderId)
            io.err << "app id " << kPlaceholderAppId
                   << " is a placeholder (the server assigns the id): give --app-id\n";
        printDiagnosticsAsText(report, input->source, io.out);
        printToolsAsText(*input, io.out);
        io.err << printable(input->source) << ": " << summaryLine(report) << '\n';
    }
    return report.hasErrors() ? kFailed : kSuccess;
}

} // namespace studio::cli
