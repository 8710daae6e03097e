#include "Commands.h"
#include "OptionParser.h"
#include "ServerCommandLine.h"
#include "StopSignals.h"
#include "serve/BuiltInPlugins.h"
#include "server/HttpServer.h"

namespace studio::cli {

namespace {

constexpr std::string_view kSynopsis =
    "Usage: plugin-studio serve [--host H] [--port N] [--quiet]\n\n"
    "Runs the built-in plugins, one of each kind the plugin guide describes, so a plugin can\n"
    "be simulated before anything is deployed:\n"
    "  POST /memory          memory_creation: answers a message from the memory's title and\n"
    "                        action items\n"
    "  POST /transcript      transcript_processed: keeps each session's segments and notifies\n"
    "                        when someone commits to something (\"remind me\", \"I'll\", ...)\n"
    "  POST /proactive       proactive_notification: asks the app to answer the wearer's\n"
    "                        question\n"
    "  GET  /setup           the setup page (auth_steps): a button per uid\n"
    "  GET  /setup/status    setup_completed_url: false until that button was pressed\n"
    "  GET  /                these endpoints as JSON, with absolute URLs\n\n"
    "The first line on stdout is the base URL, the endpoints follow (trigger and URL); a line\n"
    "per request goes to stderr. Ctrl+C or SIGTERM stops it. State is kept in memory only.\n\n";

constexpr std::string_view kExitStatus =
    "\nExit status: 0 stopped by a signal, 2 usage error or the port could not be opened.\n";

} // namespace

int runServe(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = std::string(kSynopsis) + "Options:\n" +
                              std::string(ServerCommandLine::kHelp) +
                              "                (default " +
                              std::to_string(BuiltInPlugins::kDefaultPort) + ")\n" +
                              std::string(kExitStatus);
    OptionParser parser(usage);
    ServerCommandLine::addTo(parser);
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    const std::optional<HttpServerOptions> options =
        ServerCommandLine::read(parser, io, BuiltInPlugins::kDefaultPort);
    if (!options)
        return kUsageError;

    StopSignals stop;
    HttpServer server(*options);
    if (!server.isListening())
        return io.fail(server.errorString().toStdString());
    BuiltInPlugins::install(server);

    io.out << server.baseUrl().toStdString() << '\n';
    for (const BuiltInPlugins::Endpoint &endpoint : BuiltInPlugins::endpoints())
        io.out << endpoint.trigger.leftJustified(24).toStdString()
               << server.url(endpoint.path).toStdString() << '\n';
    io.out.flush();
    if (options->address != QHostAddress(QHostAddress::LocalHost))
        io.err << "plugin-studio: warning: listening beyond this machine: anyone who can reach "
                  "this address can call the plugins\n";
    if (!parser.isSet(QStringLiteral("quiet")))
        QObject::connect(&server, &HttpServer::requestReceived, &server,
                         [&io](const HttpServerRequest &request) {
                             io.err << ServerCommandLine::requestLine(request) << std::endl;
                         });
    return ServerCommandLine::runUntilStopped(server, stop, io);
}

} // namespace studio::cli
