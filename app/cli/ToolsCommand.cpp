#include "ChatToolsInput.h"
#include "Commands.h"
#include "DiagnosticPrinter.h"
#include "ToolsCommands.h"

namespace studio::cli {

namespace {

constexpr std::string_view kSynopsis =
    "Usage: plugin-studio tools check --manifest APP [--url URL | --file TOOLS.json]\n"
    "                                 [--app-id ID] [--format text|json]\n"
    "       plugin-studio tools call NAME --manifest APP [--url URL | --file TOOLS.json]\n"
    "                                 [--app-id ID] [--uid UID] [--signing-secret S]\n"
    "                                 [--arg key=value ...| --args FILE.json] [--no-history]\n\n"
    "An app's chat tools (apps-2026, CONTRACT-2026.md section 4). The backend fetches the\n"
    "app's tools manifest with GET, Accept: application/json, a 10 s timeout, and takes it\n"
    "only with HTTP 200; the chat model calls each tool as <app_id>_<name>.\n\n"
    "  check                 fetches and validates the manifest (PS401-PS407 and the shared\n"
    "                        codes, docs/diagnostics.md) and lists the tools as the assistant\n"
    "                        sees them\n"
    "    --format json       validate's JSON document, with \"source\", \"http_status\",\n"
    "                        \"app_id\", \"app_id_placeholder\" and \"tools\"\n"
    "  call NAME             calls the tool as the backend does: GET with the arguments, uid,\n"
    "                        app_id and tool_name as query parameters, POST/PUT/PATCH with\n"
    "                        them as a JSON body; 120 s; and prints what the chat model\n"
    "                        receives: the result, else the message, else the answer as is,\n"
    "                        or the error (non-2xx; 401/403 make the tool unavailable)\n"
    "    --arg key=value     one argument, typed by the parameter's schema (an array as\n"
    "                        JSON: --arg tags='[\"a\"]'); repeatable\n"
    "    --args FILE.json    the arguments as one JSON object\n"
    "    --uid UID           the user id sent (default: plugin-studio-test-uid)\n"
    "    --signing-secret S  sign the call as the backend does for an app with a secret:\n"
    "                        X-Omi-Signature t=...,v2=..., X-Omi-Event: chat_tool,\n"
    "                        X-Omi-Delivery\n"
    "    --no-history        do not keep the call in the run history (see 'plugin-studio runs')\n\n"
    "Where the tools come from:\n";

constexpr std::string_view kExitStatus =
    "\nExit status: 0 no errors (check) or a 2xx answer (call); 1 errors found, no manifest\n"
    "(not 200, no answer) or the call failed; 2 usage error, an unknown tool, a wrong or\n"
    "missing argument, or unreadable input.\n";

} // namespace

std::string toolsUsage()
{
    return std::string(kSynopsis) + std::string(kChatToolsOptionsHelp) +
           std::string(kExitStatus);
}

int runTools(const QStringList &arguments, const CliIo &io)
{
    const QString action = arguments.value(0);
    if (action == u"check")
        return runToolsCheck(arguments.mid(1), io);
    if (action == u"call")
        return runToolsCall(arguments.mid(1), io);
    if (action.isEmpty() || action == u"--help" || action == u"-h") {
        (action.isEmpty() ? io.err : io.out) << toolsUsage();
        return action.isEmpty() ? kUsageError : kSuccess;
    }
    return io.fail("unknown tools action '" + action.toStdString() + "' (check or call)");
}

} // namespace studio::cli
