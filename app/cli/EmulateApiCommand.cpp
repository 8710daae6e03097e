#include "Commands.h"
#include "OptionParser.h"
#include "ServerCommandLine.h"
#include "StopSignals.h"
#include "integration/IntegrationEmulator.h"
#include "simulation/engine/SimulationPlan.h"

namespace studio::cli {

namespace {

constexpr std::string_view kSynopsis =
    "Usage: plugin-studio emulate-api --app APP [--host H] [--port N] [--key KEY] [--uid UID]\n"
    "                                 [--app-id ID] [--quiet]\n\n"
    "Runs the app's integration API on this machine, as the backend answers an app calling\n"
    "it back (/v2/integrations/<app_id>/...), so those calls can be tried without a phone or\n"
    "a deployed backend. APP is an app document (apps-2026, app.json); its\n"
    "external_integration.actions say what it may do:\n"
    "  POST user/conversations   create_conversation: creates a conversation; its title and\n"
    "                            overview are the text's (the backend's model writes them)\n"
    "  POST user/memories        create_facts: explicit memories as given, a text alone kept\n"
    "                            as one memory (the backend's model extracts facts from it)\n"
    "  GET  memories             read_memories: newest first (limit, offset)\n"
    "  GET  conversations        read_conversations: newest first (limit, offset)\n"
    "  GET  tasks                read_tasks: always empty here (the backend's model finds\n"
    "                            tasks in conversations)\n"
    "  POST notification?message=TEXT   10 per hour per user, then 429 with Retry-After\n"
    "  GET  /                    {\"app_id\", \"base_url\", \"uid\"}\n"
    "Each call takes ?uid= and 'Authorization: Bearer KEY'. As the backend does, a missing or\n"
    "malformed header answers 401, a wrong key 403 (not 401), another app id 404, a user who\n"
    "has not enabled the app (any uid but --uid) 403, an action the app lacks 403; a query or\n"
    "body that does not validate answers 422 in FastAPI's words.\n\n"
    "stdout: the base URL, then 'app_id ID', 'api_key KEY' and 'uid UID', flushed at once;\n"
    "an app calls <base URL>/v2/integrations/<app_id>/... A line per call goes to stderr.\n"
    "Ctrl+C or SIGTERM stops it. State is kept in memory only, and lost on stop.\n\n";

constexpr std::string_view kOptions =
    "  --app APP     the app document (required)\n"
    "  --key KEY     the app's API key (default: a new one, omi_dev_ and 32 hex digits)\n"
    "  --uid UID     the user who has enabled the app (default plugin-studio-test-uid, as\n"
    "                simulate uses)\n"
    "  --app-id ID   the app's id (default: the document's, else a new ULID, as the\n"
    "                app's server assigns one when the app is created)\n";

constexpr std::string_view kExitStatus =
    "\nExit status: 0 stopped by a signal, 2 usage error, an unreadable document or one\n"
    "that is not an app, or the port could not be opened.\n";

} // namespace

int runEmulateApi(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = std::string(kSynopsis) + "Options:\n" + std::string(kOptions) +
                              std::string(ServerCommandLine::kHelp) + "                (default " +
                              std::to_string(IntegrationEmulator::kDefaultPort) + ")\n" +
                              std::string(kExitStatus);
    OptionParser parser(usage);
    ServerCommandLine::addTo(parser);
    parser.addOption({QStringLiteral("app"), QStringLiteral("App document."), QStringLiteral("APP")});
    parser.addOption({QStringLiteral("key"), QStringLiteral("API key."), QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("uid"), QStringLiteral("User id."), QStringLiteral("UID")});
    parser.addOption({QStringLiteral("app-id"), QStringLiteral("App id."), QStringLiteral("ID")});
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    if (!parser.isSet(QStringLiteral("app")))
        return io.fail("--app APP is required: the app document whose calls to emulate");
    for (const char *option : {"key", "uid", "app-id"}) {
        if (parser.isSet(QLatin1String(option)) && parser.value(QLatin1String(option)).isEmpty())
            return io.fail("--" + std::string(option) + " must not be empty");
    }
    const std::optional<HttpServerOptions> options =
        ServerCommandLine::read(parser, io, IntegrationEmulator::kDefaultPort);
    if (!options)
        return kUsageError;

    QString error;
    std::optional<IntegrationEmulator::Settings> settings =
        IntegrationEmulator::settingsFor(parser.value(QStringLiteral("app")), error);
    if (!settings)
        return io.fail(error.toStdString());
    settings->uid = parser.isSet(QStringLiteral("uid"))
                        ? parser.value(QStringLiteral("uid"))
                        : QString::fromLatin1(SimulationPlan::kDefaultUid);
    settings->apiKey = parser.isSet(QStringLiteral("key")) ? parser.value(QStringLiteral("key"))
                                                           : IntegrationEmulator::newApiKey();
    if (parser.isSet(QStringLiteral("app-id")))
        settings->appId = parser.value(QStringLiteral("app-id"));
    const bool assigned = settings->appId.isEmpty();
    if (assigned)
        settings->appId = IntegrationEmulator::newAppId();

    StopSignals stop;
    IntegrationEmulator emulator(*settings);
    if (!emulator.start(*options))
        return io.fail(emulator.errorString().toStdString());

    io.out << emulator.baseUrl().toStdString() << '\n'
           << "app_id " << printable(settings->appId.toStdString()) << '\n'
           << "api_key " << printable(settings->apiKey.toStdString()) << '\n'
           << "uid " << printable(settings->uid.toStdString()) << '\n';
    if (assigned)
        io.out << "the app id was assigned here: an app has none until the app's server "
                  "creates it\n";
    io.out.flush();
    if (options->address != QHostAddress(QHostAddress::LocalHost))
        io.err << "plugin-studio: warning: listening beyond this machine: anyone who can reach "
                  "this address and knows the key can call the API\n";
    if (settings->actions.isEmpty())
        io.err << "plugin-studio: note: the app declares no external_integration.actions: "
                  "every call but notification answers 403\n";
    if (!parser.isSet(QStringLiteral("quiet")))
        QObject::connect(&emulator, &IntegrationEmulator::called, &emulator,
                         [&io](const IntegrationCall &call) {
                             io.err << printable(call.line().toStdString()) << std::endl;
                         });
    return ServerCommandLine::runUntilStopped(emulator.server(), stop, io);
}

} // namespace studio::cli
