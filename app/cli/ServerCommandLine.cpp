#include "ServerCommandLine.h"

#include "OptionParser.h"
#include "StopSignals.h"
#include "server/HttpServer.h"

#include <QEventLoop>
#include <QLocale>

namespace studio::cli {

void ServerCommandLine::addTo(OptionParser &parser)
{
    parser.addOption({QStringLiteral("host"), QStringLiteral("Address."), QStringLiteral("H")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port."), QStringLiteral("N")});
    parser.addFlag(QStringLiteral("quiet"), QStringLiteral("No line per request."));
}

std::optional<HttpServerOptions> ServerCommandLine::read(const OptionParser &parser,
                                                         const CliIo &io, quint16 defaultPort)
{
    HttpServerOptions options;
    options.port = defaultPort;
    // A long-running server keeps no log of its own: each request is printed, recorded or
    // answered, then forgotten.
    options.keptRequests = 0;
    if (parser.isSet(QStringLiteral("host"))) {
        const QString host = parser.value(QStringLiteral("host"));
        if (host == u"localhost") {
            options.address = QHostAddress(QHostAddress::LocalHost);
        } else if (!options.address.setAddress(host)) {
            io.fail("--host: '" + host.toStdString() +
                    "' is not an IP address (127.0.0.1, 0.0.0.0, ::1)");
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535) {
            io.fail("--port: '" + parser.value(QStringLiteral("port")).toStdString() +
                    "' is not a port number (0 to 65535)");
            return std::nullopt;
        }
        options.port = quint16(port);
    }
    return options;
}

std::string ServerCommandLine::requestLine(const HttpServerRequest &request)
{
    const QString size = request.body.isEmpty()
                             ? QStringLiteral("no body")
                             : QLocale::c().formattedDataSize(request.body.size(), 1,
                                                              QLocale::DataSizeSIFormat);
    const QString status = request.answerStatus > 0 ? QString::number(request.answerStatus)
                                                    : QStringLiteral("-");
    const QString line = QStringLiteral("%1 %2 %3 %4 %5 from %6")
                             .arg(request.receivedAt.toLocalTime().toString(u"HH:mm:ss"),
                                  QString::fromLatin1(request.method),
                                  QString::fromUtf8(request.target), status, size, request.peer);
    return printable(line.toStdString());
}

int ServerCommandLine::runUntilStopped(HttpServer &server, StopSignals &stop, const CliIo &io)
{
    QEventLoop loop;
    QObject::connect(&stop, &StopSignals::stopRequested, &loop, &QEventLoop::quit);
    QObject::connect(&server, &HttpServer::requestRefused, &loop,
                     [&](const HttpServerRefusal &refusal) {
                         io.err << printable(QStringLiteral("refused %1 from %2: %3")
                                                 .arg(refusal.status)
                                                 .arg(refusal.peer, refusal.reason)
                                                 .toStdString())
                                << std::endl;
                     });
    loop.exec();
    io.err << "plugin-studio: stopped" << std::endl;
    return kSuccess;
}

} // namespace studio::cli
