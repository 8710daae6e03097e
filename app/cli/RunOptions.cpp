#include "RunOptions.h"

#include "ContractOption.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace studio::cli {

namespace {

QCommandLineOption valued(const char *name, const char *description, const char *valueName)
{
    return {QString::fromLatin1(name), QString::fromLatin1(description),
            QString::fromLatin1(valueName)};
}

// A report's folder must exist before the run: a replay may take minutes, and its results
// must not be lost to a typo in the output path.
bool outputWritable(const QString &path, const char *option, const CliIo &io)
{
    if (path.isEmpty())
        return true;
    const QFileInfo info(path);
    if (info.isDir()) {
        io.fail(std::string("--") + option + " '" + path.toStdString() +
                "' is a directory; give a file");
        return false;
    }
    if (!info.absoluteDir().exists()) {
        io.fail(std::string("--") + option + " '" + path.toStdString() + "': the folder '" +
                info.absolutePath().toStdString() + "' does not exist");
        return false;
    }
    return true;
}

} // namespace

const char *const RunOptions::kHelp =
    "Plugin and target:\n"
    "  --manifest FILE       a manifest, or an index (community-plugins.json or its folder)\n"
    "  --entry ID            the entry to use when the index has several\n"
    "  --url URL             call this URL instead of the manifest's, e.g.\n"
    "                        http://localhost:8000/... (the uid is still appended)\n"
    "  --uid UID             the user id the app sends (default: plugin-studio-test-uid)\n"
    "  --contract NAME       plugins-2024 or apps-2026 (default: told by the document)\n"
    "Transport:\n"
    "  --timeout S           seconds of silence before giving up (default: the contract's,\n"
    "                        30 for plugins-2024; apps-2026 connects within 2 and reads\n"
    "                        within 15)\n"
    "  --max-time S          give up on a request still going after S seconds (default 300);\n"
    "                        the app never does: a server that sends a byte now and then\n"
    "                        keeps it waiting, and the run says so\n"
    "  --ca-file FILE        trust this CA certificate (a plugin served over local HTTPS)\n"
    "  --insecure            do not verify TLS certificates at all (the app always does)\n"
    "Results:\n"
    "  --report FILE.json    write the JSON report (requests and summary)\n"
    "  --har FILE            write the exchanges as HAR 1.2 (browser developer tools open it)\n"
    "  --junit FILE          write JUnit XML for CI (one testcase per request)\n"
    "  --max-p95 MS          fail when the 95th percentile latency exceeds MS milliseconds\n"
    "  --quiet               no progress on stderr; only why the run failed\n"
    "  --no-history          do not keep this run in the history (see 'plugin-studio runs')\n"
    "  -h, --help            show this help\n";

TransportOptions RunOptions::transportFor(const Contract &applied) const
{
    TransportOptions options = transport;
    const TransportOptions app = TransportOptions::of(applied);
    if (!timeoutSet) {
        options.timeoutMs = app.timeoutMs;
        options.connectTimeoutMs = app.connectTimeoutMs;
    }
    options.reuseConnection = app.reuseConnection;
    return options;
}

void RunOptions::addTo(OptionParser &parser)
{
    addContractOption(parser);
    parser.addOption(valued("manifest", "Manifest or index.", "FILE"));
    parser.addOption(valued("entry", "Entry id in an index.", "ID"));
    parser.addOption(valued("url", "URL override.", "URL"));
    parser.addOption(valued("uid", "User id.", "UID"));
    parser.addOption(valued("timeout", "Timeout in seconds.", "S"));
    parser.addOption(valued("max-time", "Longest request in seconds.", "S"));
    parser.addOption(valued("ca-file", "Extra CA certificate.", "FILE"));
    parser.addFlag(QStringLiteral("insecure"), QStringLiteral("Skip TLS verification."));
    parser.addOption(valued("report", "JSON report.", "FILE"));
    parser.addOption(valued("har", "HAR file.", "FILE"));
    parser.addOption(valued("junit", "JUnit XML.", "FILE"));
    parser.addOption(valued("max-p95", "Latency limit in ms.", "MS"));
    parser.addFlag(QStringLiteral("quiet"), QStringLiteral("No progress."));
    parser.addFlag(QStringLiteral("no-history"),
                   QStringLiteral("Keep the run out of the history."));
}

std::optional<RunOptions> RunOptions::read(const OptionParser &parser, const CliIo &io)
{
    RunOptions options;
    bool usageError = false;
    options.contract = namedContract(parser, io, &usageError);
    if (usageError)
        return std::nullopt;
    options.manifest = parser.value(QStringLiteral("manifest"));
    if (options.manifest.isEmpty()) {
        io.fail("--manifest FILE is required: the plugin's manifest or index");
        return std::nullopt;
    }
    options.entry = parser.value(QStringLiteral("entry"));
    options.url = parser.value(QStringLiteral("url")).trimmed();
    options.uid = parser.isSet(QStringLiteral("uid"))
                      ? parser.value(QStringLiteral("uid"))
                      : QString::fromLatin1(SimulationPlan::kDefaultUid);
    if (options.uid.isEmpty()) {
        io.fail("--uid must not be empty: the uid is the only identity the app sends");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        const auto seconds = parser.number(QStringLiteral("timeout"), io, 0.001);
        if (!seconds)
            return std::nullopt;
        if (!std::isfinite(*seconds)) {
            io.fail("--timeout expects a number of seconds");
            return std::nullopt;
        }
        options.transport.timeoutMs = int(std::lround(std::min(*seconds, 86'400.0) * 1000.0));
        options.transport.connectTimeoutMs = options.transport.timeoutMs;
        options.timeoutSet = true;
    }
    if (parser.isSet(QStringLiteral("max-time"))) {
        const auto seconds = parser.number(QStringLiteral("max-time"), io, 0.001);
        if (!seconds)
            return std::nullopt;
        if (!std::isfinite(*seconds)) {
            io.fail("--max-time expects a number of seconds");
            return std::nullopt;
        }
        options.transport.maxTimeMs = int(std::lround(std::min(*seconds, 86'400.0) * 1000.0));
    }
    options.transport.caFile = parser.value(QStringLiteral("ca-file"));
    if (!options.transport.caFile.isEmpty() && !QFileInfo(options.transport.caFile).isReadable()) {
        io.fail("--ca-file '" + options.transport.caFile.toStdString() + "' cannot be read");
        return std::nullopt;
    }
    options.transport.verifyTls = !parser.isSet(QStringLiteral("insecure"));
    options.reportPath = parser.value(QStringLiteral("report"));
    options.harPath = parser.value(QStringLiteral("har"));
    options.junitPath = parser.value(QStringLiteral("junit"));
    if (!outputWritable(options.reportPath, "report", io) ||
        !outputWritable(options.harPath, "har", io) ||
        !outputWritable(options.junitPath, "junit", io))
        return std::nullopt;
    if (parser.isSet(QStringLiteral("max-p95"))) {
        const auto limit = parser.number(QStringLiteral("max-p95"), io, 0);
        if (!limit)
            return std::nullopt;
        if (!std::isfinite(*limit)) {
            io.fail("--max-p95 expects a number of milliseconds");
            return std::nullopt;
        }
        options.thresholds.maxP95Ms = *limit;
    }
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    options.noHistory = parser.isSet(QStringLiteral("no-history"));
    if (!options.transport.verifyTls) {
        // Loud on purpose, even with --quiet: a run that passes this way proves nothing about
        // the certificate the app will check.
        io.err
            << "plugin-studio: warning: --insecure: TLS certificates are NOT verified; the app "
               "always verifies them, so a pass here says nothing about the plugin's certificate\n";
    }
    return options;
}

} // namespace studio::cli
