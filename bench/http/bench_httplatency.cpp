// Latency the studio reports for one request to a local server, against curl's own figure
// for the same request: how much the HTTP engine adds on top of libcurl.
//
//   bench_httplatency [requests]      (default 300)
//
// Three series against one loopback server, one request at a time:
//   curl       `curl -s -o /dev/null -w %{time_total}`, a new process and connection each
//   studio     HttpClient, a new connection each (Connection: close), timings.totalMs
//   studio-ka  HttpClient with the connection kept alive, as successive webhooks go out
// plus, for the studio series, the wall time from send() to finished() on the calling thread
// (the engine's thread hops included). The overhead printed is median(studio) - median(curl).
#include "LoopbackServer.h"
#include "http/HttpClient.h"
#include "http/HttpReply.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace studio;
using namespace studio::test;

namespace {

const QByteArray kBody =
    R"({"session_id":"bench","segments":[{"text":"hello","speaker":"SPEAKER_00",)"
    R"("speaker_id":0,"is_user":false,"start":0.0,"end":1.5}]})";

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<size_t>(fraction * static_cast<double>(values.size() - 1));
    return values[index];
}

struct Sample
{
    double reportedMs = -1; // timings.totalMs, or curl's time_total
    double wallMs = -1;     // send() to finished(), studio only
};

Sample studioRequest(HttpClient &client, const HttpRequest &request)
{
    Sample sample;
    QEventLoop loop;
    QElapsedTimer wall;
    wall.start();
    HttpReply *reply = client.send(request);
    QObject::connect(reply, &HttpReply::finished, &loop, [&](const HttpResult &result) {
        sample.wallMs = static_cast<double>(wall.nsecsElapsed()) / 1e6;
        if (result.succeeded())
            sample.reportedMs = result.timings.totalMs;
        loop.quit();
    });
    loop.exec();
    return sample;
}

Sample curlRequest(const QString &curl, const QString &url)
{
    QProcess process;
    process.start(curl, {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                         QStringLiteral("-w"), QStringLiteral("%{time_total}"),
                         QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                         QStringLiteral("--data-binary"), QString::fromUtf8(kBody), url});
    Sample sample;
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return sample;
    bool ok = false;
    const double seconds = process.readAllStandardOutput().trimmed().toDouble(&ok);
    if (ok)
        sample.reportedMs = seconds * 1000.0;
    return sample;
}

void printSeries(const char *name, const std::vector<double> &values)
{
    std::printf("  %-22s n=%-4zu median %8.3f ms   p10 %8.3f   p90 %8.3f\n", name, values.size(),
                median(values), percentile(values, 0.1), percentile(values, 0.9));
}

std::vector<double> reported(const std::vector<Sample> &samples)
{
    std::vector<double> values;
    for (const Sample &sample : samples) {
        if (sample.reportedMs >= 0)
            values.push_back(sample.reportedMs);
    }
    return values;
}

std::vector<double> wall(const std::vector<Sample> &samples)
{
    std::vector<double> values;
    for (const Sample &sample : samples) {
        if (sample.wallMs >= 0)
            values.push_back(sample.wallMs);
    }
    return values;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 300;
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) {
        std::fprintf(stderr, "curl is not on PATH\n");
        return 2;
    }

    LoopbackServer server;
    if (!server.isListening()) {
        std::fprintf(stderr, "cannot start the loopback server: %s\n",
                     qPrintable(server.errorString()));
        return 2;
    }
    server.setRoute("/hook", LoopbackServer::Behaviour::json(200, R"({"message":"ok"})"));
    const QString url = server.url("/hook?uid=bench");

    HttpClient client;
    HttpRequest fresh;
    fresh.url = url;
    fresh.headers = {{"Content-Type", "application/json"}, {"Connection", "close"}};
    fresh.body = kBody;
    HttpRequest keptAlive = fresh;
    keptAlive.headers = {{"Content-Type", "application/json"}};
    keptAlive.reuseConnection = true;

    // Warm up: page in libcurl, OpenSSL, the process cache of curl.
    for (int i = 0; i < 10; ++i) {
        studioRequest(client, fresh);
        curlRequest(curl, url);
    }

    std::vector<Sample> curlSamples;
    std::vector<Sample> freshSamples;
    std::vector<Sample> keptAliveSamples;
    // Interleaved, so drift in machine load touches every series alike.
    for (int i = 0; i < count; ++i) {
        curlSamples.push_back(curlRequest(curl, url));
        freshSamples.push_back(studioRequest(client, fresh));
        keptAliveSamples.push_back(studioRequest(client, keptAlive));
    }

    std::printf(
        "HTTP latency to a loopback server, %d requests per series (POST, %lld-byte JSON)\n", count,
        static_cast<long long>(kBody.size()));
    printSeries("curl time_total", reported(curlSamples));
    printSeries("studio totalMs", reported(freshSamples));
    printSeries("studio wall", wall(freshSamples));
    printSeries("studio-ka totalMs", reported(keptAliveSamples));
    printSeries("studio-ka wall", wall(keptAliveSamples));
    const double overhead = median(reported(freshSamples)) - median(reported(curlSamples));
    std::printf("median overhead (studio totalMs - curl time_total): %+.3f ms (target < 0.3 ms)\n",
                overhead);
    const std::size_t failures = 3 * static_cast<std::size_t>(count) -
                                 reported(curlSamples).size() - reported(freshSamples).size() -
                                 reported(keptAliveSamples).size();
    if (failures > 0)
        std::printf("failed requests: %zu\n", failures);
    return overhead < 0.3 && failures == 0 ? 0 : 1;
}
