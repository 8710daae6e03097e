#include "LoadReportWriter.h"

#include "io/TextFile.h"
#include "simulation/report/JsonReportWriter.h"

#include <QXmlStreamWriter>

#include <cmath>

namespace studio {

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

Json rounded(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

Json runJson(const LoadRun &run)
{
    const RunInfo info = run.runInfo();
    const LoadPlan &plan = run.plan();
    return {{"contract", utf8(info.contract)},
            {"plugin_id", utf8(info.pluginId)},
            {"plugin_name", utf8(info.pluginName)},
            {"trigger", utf8(info.trigger)},
            {"profile", utf8(info.profile)},
            {"batching", utf8(info.batching)},
            {"source", utf8(info.source)},
            {"started_at", info.startedAt.isValid()
                               ? Json(utf8(info.startedAt.toString(Qt::ISODateWithMs)))
                               : Json(nullptr)},
            {"speed", info.speed},
            {"studio_version", STUDIO_VERSION},
            {"users", plan.users},
            {"ramp_s", plan.rampSeconds},
            {"duration_s", plan.durationSeconds ? Json(*plan.durationSeconds) : Json(nullptr)},
            {"connections", plan.base.transport.reuseConnection ? "reuse" : "new"},
            {"max_in_flight", plan.maxInFlight > 0 ? Json(plan.maxInFlight) : Json(nullptr)},
            {"seed", plan.seed},
            {"faults", info.faults.isEmpty() ? Json(nullptr) : Json(utf8(info.faults))}};
}

Json usersJson(const LoadRun &run)
{
    Json users = Json::array();
    const LoadPlan &plan = run.plan();
    for (int user = 0; user < plan.users; ++user) {
        const LoadRun::UserTotals &totals = run.users()[std::size_t(user)];
        users.push_back({{"uid", utf8(plan.uidOf(user))},
                         {"session_id", utf8(plan.sessionOf(user))},
                         {"sent", totals.sent},
                         {"completed", totals.completed},
                         {"failed", totals.failed},
                         {"notifications", totals.notifications},
                         {"dropped", totals.dropped}});
    }
    return users;
}

} // namespace

Json LoadReportWriter::summaryJson(const LoadSummary &summary)
{
    Json json = JsonReportWriter::summaryJson(summary.run);
    Json errors = Json::object();
    for (const auto &[kind, count] : summary.errorsByKind)
        errors[utf8(kind)] = count;
    json["users"] = summary.users;
    json["sent"] = summary.sent;
    json["wall_s"] = rounded(summary.wallSeconds);
    json["requests_per_second"] = rounded(summary.requestsPerSecond);
    json["late"] = summary.late;
    json["late_max_ms"] = rounded(summary.lateMaxMs);
    json["error_rate"] = summary.errorRate();
    json["errors_by_kind"] = errors;
    json["left"] = summary.left;
    json["held_back"] = summary.heldBack;
    json["dropped"] = summary.dropped;
    return json;
}

Json LoadReportWriter::build(const LoadRun &run)
{
    Json requests = Json::array();
    for (const LoadRecord &load : run.keptRecords()) {
        Json request = JsonReportWriter::requestJson(load.record);
        request["user"] = utf8(run.plan().uidOf(load.user));
        request["round"] = load.round;
        request["late_ms"] = rounded(load.lateMs());
        request["waited_ms"] = load.waitedMs;
        requests.push_back(std::move(request));
    }
    return {{"contract", utf8(run.runInfo().contract)},
            {"run", runJson(run)},
            {"users", usersJson(run)},
            {"requests", requests},
            {"requests_left_out", run.recordsLeftOut()},
            {"summary", summaryJson(run.summary())}};
}

std::string LoadReportWriter::writeJson(const QString &path, const LoadRun &run)
{
    return TextFile::writeAtomically(
        path, build(run).dump(2, ' ', false, Json::error_handler_t::replace) + '\n');
}

QByteArray LoadReportWriter::junit(const LoadRun &run, const LoadAcceptance &acceptance)
{
    const LoadPlan &plan = run.plan();
    const LoadSummary summary = run.summary();
    int failures = acceptance.passed ? 0 : 1;
    for (const LoadRun::UserTotals &totals : run.users())
        failures += totals.failed > 0 ? 1 : 0;
    const QString tests = QString::number(plan.users + 1);
    const QString time = QString::number(summary.wallSeconds, 'f', 3);

    // Only the studio's own words go in: uids it made, counts and its sentences.
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeAttribute(QStringLiteral("name"), QStringLiteral("plugin-studio load"));
    writer.writeAttribute(QStringLiteral("tests"), tests);
    writer.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("time"), time);
    writer.writeStartElement(QStringLiteral("testsuite"));
    writer.writeAttribute(QStringLiteral("name"), QStringLiteral("load"));
    writer.writeAttribute(QStringLiteral("tests"), tests);
    writer.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("time"), time);
    for (int user = 0; user < plan.users; ++user) {
        const LoadRun::UserTotals &totals = run.users()[std::size_t(user)];
        writer.writeStartElement(QStringLiteral("testcase"));
        writer.writeAttribute(QStringLiteral("classname"), QStringLiteral("load.users"));
        writer.writeAttribute(QStringLiteral("name"), plan.uidOf(user));
        if (totals.failed > 0) {
            writer.writeEmptyElement(QStringLiteral("failure"));
            writer.writeAttribute(QStringLiteral("type"), QStringLiteral("request"));
            writer.writeAttribute(QStringLiteral("message"),
                                  QStringLiteral("%1 of %2 requests failed or were answered "
                                                 "with something the app cannot use")
                                      .arg(totals.failed)
                                      .arg(totals.completed));
        }
        writer.writeTextElement(QStringLiteral("system-out"),
                                QStringLiteral("%1 sent, %2 answered, %3 notifications")
                                    .arg(totals.sent)
                                    .arg(totals.completed)
                                    .arg(totals.notifications));
        writer.writeEndElement(); // testcase
    }
    writer.writeStartElement(QStringLiteral("testcase"));
    writer.writeAttribute(QStringLiteral("classname"), QStringLiteral("load"));
    writer.writeAttribute(QStringLiteral("name"), QStringLiteral("limits"));
    if (!acceptance.passed) {
        writer.writeEmptyElement(QStringLiteral("failure"));
        writer.writeAttribute(QStringLiteral("type"), QStringLiteral("limits"));
        writer.writeAttribute(QStringLiteral("message"), acceptance.failures.join(u"; "));
    }
    writer.writeEndElement(); // testcase
    writer.writeEndElement(); // testsuite
    writer.writeEndElement(); // testsuites
    writer.writeEndDocument();
    return xml;
}

std::string LoadReportWriter::writeJUnit(const QString &path, const LoadRun &run,
                                         const LoadAcceptance &acceptance)
{
    const QByteArray xml = junit(run, acceptance);
    return TextFile::writeAtomically(
        path, std::string_view(xml.constData(), static_cast<std::size_t>(xml.size())));
}

} // namespace studio
