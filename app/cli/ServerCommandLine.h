#pragma once

#include "CliIo.h"
#include "server/HttpServerOptions.h"

#include <optional>
#include <string>

namespace studio {
class HttpServer;
struct HttpServerRequest;
} // namespace studio

namespace studio::cli {

class OptionParser;
class StopSignals;

// What `serve` and `listen` share: --host/--port/--quiet, the line printed per request,
// and running until Ctrl+C or SIGTERM.
class ServerCommandLine
{
public:
    static constexpr std::string_view kHelp =
        "  --host H      the address to listen on (default 127.0.0.1; 0.0.0.0 for every\n"
        "                address, which exposes it to your network)\n"
        "  --port N      the port (0: any free one)\n"
        "  --quiet       no line per request on stderr\n";

    static void addTo(OptionParser &parser);
    // The options with the port given, or `defaultPort`; nullopt after a usage message.
    static std::optional<HttpServerOptions> read(const OptionParser &parser, const CliIo &io,
                                                 quint16 defaultPort);

    // "12:04:31 POST /memory?uid=u1 200 1.2 KB from 127.0.0.1:50412", escaped for a terminal.
    static std::string requestLine(const HttpServerRequest &request);

    // Runs the event loop until `stop` reports SIGINT or SIGTERM, printing a line per
    // refused request. Returns kSuccess. Make `stop` before printing the address, so a
    // signal sent as soon as it is read ends the command cleanly too.
    static int runUntilStopped(HttpServer &server, StopSignals &stop, const CliIo &io);
};

} // namespace studio::cli
