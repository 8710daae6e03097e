#include "ArtilleryExport.h"

#include "ArtilleryProcessor.h"
#include "json/JsonParser.h"
#include "simulation/engine/AppRequestFactory.h"
#include "simulation/payload/AppUrls.h"

#include <QUrl>

#include <algorithm>
#include <cmath>

namespace studio {

namespace {

// Stand for the uid and the session in the requests' templates: letters and digits only, so
// that neither the URL's encoding nor JSON's escaping changes them.
constexpr QLatin1StringView kUidMark("plugin0studio0uid0mark");
constexpr QLatin1StringView kSessionMark("plugin0studio0session0mark");
// Artillery's uniform arrivals come a tick apart (microseconds, rounded down); closer than a
// millisecond its timer is not to be trusted, so the users then arrive a millisecond apart
// ahead of the schedule instead.
constexpr double kFewestMicrosecondsApart = 1000;

HttpRequest requestOf(const SimulationPlan &plan, int index)
{
    return plan.trigger == AppTrigger::MemoryCreation
               ? AppRequestFactory::memoryCreation(plan, plan.memory.value_or(Memory{}))
               : AppRequestFactory::transcriptProcessed(plan, plan.batches.at(index));
}

SimulationPlan markedPlan(const LoadPlan &plan)
{
    SimulationPlan marked = plan.base;
    marked.uid = kUidMark;
    marked.sessionId = kSessionMark;
    return marked;
}

// Request `index` as user `user` sends it, made from the templates as the processor makes it.
HttpRequest fromTemplates(const LoadPlan &plan, const HttpRequest &marked, int user)
{
    HttpRequest request = marked;
    const QString uid = plan.uidOf(user);
    request.url.replace(kUidMark, AppUrls::encodedUid(uid));
    request.body.replace(QByteArray(kUidMark.data()), uid.toUtf8());
    request.body.replace(QByteArray(kSessionMark.data()), plan.sessionOf(user).toUtf8());
    return request;
}

std::string quoted(const QString &text)
{
    return Json(text.toStdString()).dump();
}

// How the users arrive: Artillery's phase, and how long after the first arrival the run's
// clock starts (when the arrivals are spread wider than the ramp).
struct Arrivals
{
    double phaseSeconds = 0;
    qint64 leadNs = 0;
};

Arrivals arrivalsOf(const LoadPlan &plan)
{
    // arrivalCount N over D: the k-th user (1-based) arrives k * floor(D / N) after the
    // phase starts, so user n is there n ticks after user 1, never after ramp * n / N.
    if (plan.rampSeconds * 1e6 / plan.users >= kFewestMicrosecondsApart)
        return {plan.rampSeconds, 0};
    const double seconds = std::ceil(double(plan.users) * kFewestMicrosecondsApart / 1e6);
    return {seconds, std::llround(seconds * 1e9)};
}

QString secondsText(double seconds)
{
    return QString::number(seconds, 'g', 15);
}

std::string planJson(const LoadPlan &plan, const Arrivals &arrivals)
{
    const SimulationPlan marked = markedPlan(plan);
    Json users = Json::array();
    for (int user = 0; user < plan.users; ++user) {
        const QString uid = plan.uidOf(user);
        users.push_back({{"uid", uid.toStdString()},
                         {"uidInUrl", AppUrls::encodedUid(uid).toStdString()},
                         {"session", plan.sessionOf(user).toStdString()},
                         {"startNs", plan.startNs(user)}});
    }
    Json offsets = Json::array();
    Json bodies = Json::array();
    for (int index = 0; index < plan.requestsPerRound(); ++index) {
        offsets.push_back(plan.offsetNs(index));
        bodies.push_back(requestOf(marked, index).body.toStdString());
    }
    Json document = {{"uidMark", std::string(kUidMark.data())},
                     {"sessionMark", std::string(kSessionMark.data())},
                     {"leadNs", arrivals.leadNs},
                     {"newConnections", !plan.base.transport.reuseConnection},
                     {"roundNs", plan.roundNs()},
                     {"endNs", plan.durationSeconds
                                   ? Json(std::llround(*plan.durationSeconds * 1e9))
                                   : Json(nullptr)},
                     {"offsetsNs", offsets},
                     {"bodies", bodies},
                     {"users", users}};
    return document.dump(1, ' ', false, Json::error_handler_t::replace) + '\n';
}

std::string scenarioYaml(const LoadPlan &plan, const Arrivals &arrivals)
{
    const SimulationPlan &base = plan.base;
    const HttpRequest marked = requestOf(markedPlan(plan), 0);
    const QUrl url(marked.url);
    const QString target = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery |
                                        QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                               .toString();
    QString requestUrl = marked.url;
    requestUrl.replace(kUidMark, QStringLiteral("{{ uidInUrl }}"));
    const QString trigger = PluginUnderTest::triggerName(base.trigger);

    std::string yaml;
    yaml += "# plugin-studio load, exported for Artillery: " + std::to_string(plan.users) +
            " users of " + quoted(base.plugin.name) + " (" + std::string(base.contract->name()) +
            ", " + trigger.toStdString() + "), seed " + std::to_string(plan.seed) +
            ". See README.md.\n";
    yaml += "config:\n";
    yaml += "  target: " + quoted(target) + "\n";
    yaml += "  phases:\n";
    yaml += "    # One arrivalCount phase: Artillery runs it on one worker, so the users arrive\n"
            "    # in order (load-plan.js makes the n-th one user n).\n";
    yaml += "    - name: \"users arrive\"\n";
    // Artillery reads a duration with a unit through `ms`: milliseconds keep the fraction.
    yaml += "      duration: \"" +
            QString::number(arrivals.phaseSeconds * 1000, 'f', 3).toStdString() + "ms\"\n";
    yaml += "      arrivalCount: " + std::to_string(plan.users) + "\n";
    yaml += "  processor: \"./load-plan.js\"\n";
    yaml += "  http:\n";
    yaml += "    timeout: " + secondsText(base.transport.timeoutMs / 1000.0).toStdString() + "\n";
    if (!base.transport.verifyTls)
        yaml += "  tls:\n    rejectUnauthorized: false\n";
    yaml += "scenarios:\n";
    yaml += "  - name: " + quoted(trigger + QStringLiteral(" to ") + base.plugin.name) + "\n";
    yaml += "    flow:\n";
    if (!base.transport.reuseConnection)
        yaml += "      # One connection per request, as load --connections new: the user's agents\n"
                "      # keep none alive (load-plan.js, newConnections in plan.json).\n";
    yaml += "      - function: \"becomeNextUser\"\n";
    yaml += "      - loop:\n";
    yaml += "          - post:\n";
    yaml += "              url: " + quoted(requestUrl) + "\n";
    // Skipped when nothing is due for this user (load-plan.js says so in `due`).
    yaml += "              ifTrue: \"due\"\n";
    yaml += "              headers:\n";
    for (const auto &[name, value] : marked.headers)
        yaml += "                " + quoted(QString::fromLatin1(name)) + ": " +
                quoted(QString::fromLatin1(value)) + "\n";
    yaml += "              beforeRequest: \"sendWhenDue\"\n";
    yaml += "        whileTrue: \"anotherRequestDue\"\n";
    return yaml;
}

std::string readme(const LoadPlan &plan, const Arrivals &arrivals)
{
    const SimulationPlan &base = plan.base;
    QString text;
    text += QStringLiteral(
                "# Load on '%1', exported for Artillery\n\n"
                "Written by `plugin-studio load --export-artillery`: %2 users (uids load-%3-1 "
                "to load-%3-%2, each its own session), ramp %4 s, %5, %6 request(s) per round, "
                "the same bodies byte for byte as `plugin-studio load` sends with the same "
                "options.\n\n")
                .arg(base.plugin.name)
                .arg(plan.users)
                .arg(plan.seed)
                .arg(secondsText(plan.rampSeconds),
                     plan.durationSeconds ? QStringLiteral("rounds again for %1 s")
                                                .arg(secondsText(*plan.durationSeconds))
                                          : QStringLiteral("one round each"))
                .arg(plan.requestsPerRound());
    text += QStringLiteral(
        "## Run it\n\n"
        "    npx artillery@2.0.21 run scenario.yml\n\n"
        "(or `packaging/install-artillery.sh` in Plugin Studio's sources, then "
        "`build/tools/artillery/node_modules/.bin/artillery run scenario.yml`). Artillery "
        "2.0.21 is the release this export is tested with.\n\n"
        "## Run it distributed\n\n"
        "Artillery's own cloud runners run the same folder from AWS (credentials in the "
        "environment; see Artillery's docs on `run-fargate`):\n\n"
        "    npx artillery@2.0.21 run-fargate --region eu-west-1 --count 4 scenario.yml\n\n"
        "(`artillery run --platform aws:ecs --platform-opt region=eu-west-1 --count 4 ...` "
        "is the same). Each of the `--count` runners plays the whole scenario: 4 runners send "
        "4 times the load, each with the same uids. For distinct users per runner, export "
        "once per runner with its own `--seed` and start each folder on its own.\n\n");
    text +=
        QStringLiteral(
            "## What differs from `plugin-studio load`\n\n"
            "- Closed model per user: an Artillery virtual user waits for each answer before its "
            "next request. load-plan.js aims each request at its time on the run's clock (the "
            "user's start + round x round length + its offset), not at a delay after the last "
            "answer, so an answer slower than the gap to the next request makes that one late "
            "and the user catches up after it; `load` sends on time (open model) whatever the "
            "plugin does.\n"
            "- Arrivals: Artillery starts the virtual users %1; the run's clock starts when the "
            "first arrives%2. Its arrivals, rounded to whole microseconds apart, may outnumber "
            "the users by a few: those virtual users send nothing.\n"
            "- Connections: %3\n"
            "- Timeouts: Artillery's `http.timeout` (%4 s here) bounds a request; `load` gives up "
            "after that long of silence and has --max-time besides.\n"
            "- Figures: Artillery reports its own (http.response_time, codes, errors); it does "
            "not judge the answers as the app does (notifications, rate limits), and it adds "
            "its own User-Agent header.\n")
            .arg(arrivals.leadNs == 0
                     ? QStringLiteral("along the ramp, each no later than its start")
                     : QStringLiteral("a millisecond apart over %1 s (closer starts than "
                                      "that are not kept by Artillery's timer)")
                           .arg(secondsText(arrivals.phaseSeconds)),
                 arrivals.leadNs == 0
                     ? QString()
                     : QStringLiteral(" plus those %1 s, so that every user is there "
                                      "before its start")
                           .arg(secondsText(arrivals.phaseSeconds)),
                 base.transport.reuseConnection
                     ? QStringLiteral("each virtual user keeps its own connection alive "
                                      "for its requests; `load` shares one pool among all "
                                      "users.")
                     : QStringLiteral("each request goes on a new connection, closed "
                                      "after its answer, as `load --connections new`."),
                 secondsText(base.transport.timeoutMs / 1000.0));
    if (!base.transport.caFile.isEmpty())
        text += QStringLiteral("- TLS: trust the plan's CA as node does: run with "
                               "`NODE_EXTRA_CA_CERTS=%1`.\n")
                    .arg(base.transport.caFile);
    return text.toStdString();
}

} // namespace

std::optional<QString> ArtilleryExport::problem(const LoadPlan &plan)
{
    if (std::optional<QString> problem = plan.problem())
        return problem;
    const SimulationPlan &base = plan.base;
    if (base.trigger == AppTrigger::AudioBytes)
        return QStringLiteral("audio is sent latest-wins: which chunks go depends on when each "
                              "user's answers come, which an Artillery scenario cannot follow "
                              "(and its bodies are binary); export a transcript or memory load");
    if (const std::optional<QString> reason = base.appSkipReason())
        return *reason + QStringLiteral(": the app calls nothing, so there is nothing to export");
    if (plan.maxInFlight > 0)
        return QStringLiteral("--max-in-flight: Artillery has no cap on the requests in flight "
                              "across its users; export without it");
    if (base.faults.any())
        return QStringLiteral("--faults are drawn as the studio sends; an Artillery test would "
                              "send without them: export without --faults");
    if (!base.signingSecret.isEmpty())
        return QStringLiteral("signed requests are not exported: Artillery would need the "
                              "signing secret");
    if (plan.requestsPerRound() == 0)
        return QStringLiteral("the conversation has no request to send");
    const QUrl url(base.webhookUrl);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return QStringLiteral("Artillery calls http:// and https:// URLs, not '%1'")
            .arg(base.webhookUrl);
    if (base.webhookUrl.contains(QStringLiteral("{{")))
        return QStringLiteral("the URL holds '{{', which Artillery reads as a template");
    // What the processor makes from the templates must be what load sends, byte for byte.
    const SimulationPlan marked = markedPlan(plan);
    for (int index = 0; index < plan.requestsPerRound(); ++index) {
        const HttpRequest template_ = requestOf(marked, index);
        if (QString::fromUtf8(template_.body).toUtf8() != template_.body)
            return QStringLiteral("request %1's body is not UTF-8 text").arg(index + 1);
        for (const int user : {0, plan.users - 1}) {
            const HttpRequest sent = requestOf(plan.planOf(user), index);
            const HttpRequest made = fromTemplates(plan, template_, user);
            if (sent.url != made.url || sent.body != made.body || sent.headers != made.headers)
                return QStringLiteral("request %1 of %2 cannot be made from a template")
                    .arg(index + 1)
                    .arg(plan.uidOf(user));
        }
    }
    return std::nullopt;
}

std::vector<OutputFile> ArtilleryExport::files(const LoadPlan &plan)
{
    const Arrivals arrivals = arrivalsOf(plan);
    return {{QStringLiteral("plan.json"), planJson(plan, arrivals), {}},
            {QStringLiteral("load-plan.js"), std::string(kArtilleryProcessor), {}},
            {QStringLiteral("README.md"), readme(plan, arrivals), {}},
            {QString::fromLatin1(kScenarioFile), scenarioYaml(plan, arrivals), {}}};
}

} // namespace studio
