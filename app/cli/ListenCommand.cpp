#include "Commands.h"
#include "OptionParser.h"
#include "ServerCommandLine.h"
#include "StopSignals.h"
#include "history/RunHistory.h"
#include "io/TextFile.h"
#include "json/JsonParser.h"
#include "listen/FixtureFolder.h"
#include "listen/TrafficCatcher.h"
#include "server/HttpServer.h"

#include <QDir>
#include <QFileInfo>

namespace studio::cli {

namespace {

constexpr std::string_view kSynopsis =
    "Usage: plugin-studio listen [--host H] [--port N] [--out DIR] [--answer FILE.json]\n"
    "                            [--max-body MB] [--quiet] [--no-history]\n\n"
    "Records what the real app sends: point a plugin's webhook (through a tunnel such as\n"
    "ssh -R, cloudflared or ngrok) at this address, speak, and replay the recording later.\n"
    "Any method on any path is accepted and answered 200 with --answer (default {}). Each\n"
    "request becomes a fixture in DIR, whole on disk before it is answered:\n"
    "  memory-<n>.json             a memory_creation body (simulate memory --memory)\n"
    "  transcript-<session>.json   the transcript_processed segments of one session, in\n"
    "                              arrival order (simulate transcript --transcript)\n"
    "  request-<n>.http            anything else, kept raw, with a note on stderr\n"
    "Earlier recordings in DIR are never overwritten. Each request is also kept in the run\n"
    "history ('plugin-studio runs'). The first line on stdout is the base URL; a line per\n"
    "request goes to stderr. Ctrl+C or SIGTERM stops it.\n\n";

constexpr std::string_view kOptions =
    "  --out DIR         where the fixtures go (default ./recordings, created if missing)\n"
    "  --answer FILE     the JSON every request is answered with (default {})\n"
    "  --max-body MB     larger bodies are refused with 413 (default 10)\n"
    "  --no-history      keep nothing in the run history\n";

constexpr std::string_view kExitStatus =
    "\nExit status: 0 stopped by a signal, 2 usage error, an unreadable --answer, an unusable\n"
    "folder, or the port could not be opened.\n";

constexpr qint64 kMaxAnswerBytes = 1024 * 1024;

// The --answer file's bytes, or nullopt after saying what is wrong and where.
std::optional<QByteArray> readAnswer(const QString &path, const CliIo &io)
{
    const TextFileRead read = TextFile::read(path, kMaxAnswerBytes);
    if (!read.ok) {
        io.fail("--answer: " + read.error);
        return std::nullopt;
    }
    JsonParseOptions options;
    options.recordSourceMap = false;
    const JsonParseResult parsed = parseJson(read.bytes, options);
    if (!parsed.ok()) {
        const std::string_view before(read.bytes.data(), parsed.error->offset);
        const auto line = 1 + std::count(before.begin(), before.end(), '\n');
        const auto column = parsed.error->offset - (before.rfind('\n') == std::string_view::npos
                                                        ? 0
                                                        : before.rfind('\n') + 1) + 1;
        io.fail(path.toStdString() + ":" + std::to_string(line) + ":" + std::to_string(column) +
                ": --answer is not JSON: " + parsed.error->message);
        return std::nullopt;
    }
    return QByteArray::fromStdString(read.bytes);
}

// Keeps each caught request in the run history; says once if it cannot.
class CaughtHistory
{
public:
    CaughtHistory(QString baseUrl, QByteArray answer, const CliIo &io)
        : m_baseUrl(std::move(baseUrl))
        , m_answer(std::move(answer))
        , m_io(io)
    {}

    void keep(const CaughtRequest &caught)
    {
        const HistoryResult<qint64> kept =
            m_history.record(StoredRun::ofCaught(caught, m_baseUrl, m_answer));
        if (!kept.ok() && !m_warned) {
            m_warned = true;
            m_io.err << "plugin-studio: warning: requests are not kept in the history: "
                     << printable(kept.error().toStdString()) << '\n';
        }
        if (kept.ok() && ++m_sincePrune >= 50) {
            m_sincePrune = 0;
            const HistoryResult<HistoryLimits> limits = m_history.limits();
            m_history.prune(limits.ok() ? limits.value() : HistoryLimits{});
        }
    }

private:
    RunHistory m_history;
    QString m_baseUrl;
    QByteArray m_answer;
    const CliIo &m_io;
    bool m_warned = false;
    int m_sincePrune = 0;
};

} // namespace

int runListen(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = std::string(kSynopsis) + "Options:\n" +
                              std::string(ServerCommandLine::kHelp) +
                              "                (default " +
                              std::to_string(TrafficCatcher::kDefaultPort) + ")\n" +
                              std::string(kOptions) + std::string(kExitStatus);
    OptionParser parser(usage);
    ServerCommandLine::addTo(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("answer"), QStringLiteral("Answer."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("max-body"), QStringLiteral("Limit."), QStringLiteral("MB")});
    parser.addFlag(QStringLiteral("no-history"), QStringLiteral("No history."));
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    std::optional<HttpServerOptions> options =
        ServerCommandLine::read(parser, io, TrafficCatcher::kDefaultPort);
    if (!options)
        return kUsageError;
    if (parser.isSet(QStringLiteral("max-body"))) {
        const std::optional<double> megabytes =
            parser.number(QStringLiteral("max-body"), io, 0.001);
        if (!megabytes)
            return kUsageError;
        options->maxBodyBytes = qint64(*megabytes * 1024 * 1024);
    }
    QByteArray answer = "{}";
    if (parser.isSet(QStringLiteral("answer"))) {
        const std::optional<QByteArray> read = readAnswer(parser.value(QStringLiteral("answer")), io);
        if (!read)
            return kUsageError;
        answer = *read;
    }
    const QString folder = QDir::cleanPath(QFileInfo(parser.isSet(QStringLiteral("out"))
                                                         ? parser.value(QStringLiteral("out"))
                                                         : QStringLiteral("recordings"))
                                               .absoluteFilePath());
    if (const std::string problem = FixtureFolder::prepare(folder); !problem.empty())
        return io.fail("--out: " + problem);

    StopSignals stop;
    TrafficCatcher catcher(*options, folder, answer);
    if (!catcher.isListening())
        return io.fail(catcher.errorString().toStdString());
    io.out << catcher.baseUrl().toStdString() << '\n'
           << printable("recording into " + folder.toStdString()) << '\n';
    io.out.flush();
    if (options->address != QHostAddress(QHostAddress::LocalHost))
        io.err << "plugin-studio: warning: listening beyond this machine: anyone who can reach "
                  "this address can send to it\n";

    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    std::optional<CaughtHistory> history;
    if (!parser.isSet(QStringLiteral("no-history")))
        history.emplace(catcher.baseUrl(), answer, io);
    QObject::connect(&catcher, &TrafficCatcher::caught, &catcher, [&](const CaughtRequest &caught) {
        if (!quiet || !caught.written)
            io.err << ServerCommandLine::requestLine(caught.request) << " -> "
                   << printable(QString(QDir(folder).relativeFilePath(caught.fixture) +
                                        QStringLiteral(": ") + caught.note)
                                    .toStdString())
                   << std::endl;
        if (history)
            history->keep(caught);
    });
    return ServerCommandLine::runUntilStopped(catcher.server(), stop, io);
}

} // namespace studio::cli
