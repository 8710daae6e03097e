#include "SimulationExecution.h"

#include "HistoryKeeping.h"
#include "RunConclusion.h"
#include "RunProgressPrinter.h"
#include "http/HttpClient.h"
#include "simulation/engine/SimulationRun.h"
#include "simulation/payload/AppUrls.h"

#include <QEventLoop>

namespace studio::cli {

namespace {

QString headline(const SimulationRun &run, const std::string &pluginDisplay)
{
    const SimulationPlan &plan = run.plan();
    const int count = run.requestCount();
    QString line =
        QStringLiteral("simulating %1 of '%2', %3 (%7): POST %4; %5 %6")
            .arg(PluginUnderTest::triggerName(plan.trigger), plan.plugin.name,
                 QString::fromStdString(pluginDisplay),
                 plan.trigger == AppTrigger::AudioBytes
                     ? AppUrls::audioBytes(plan.webhookUrl, plan.sampleRate, plan.uid)
                     : AppUrls::webhook(plan.webhookUrl, plan.uid))
            .arg(count)
            .arg(count == 1 ? QStringLiteral("request") : QStringLiteral("requests"))
            .arg(QString::fromLatin1(plan.contract->name()));
    if (plan.trigger == AppTrigger::AudioBytes)
        line += QStringLiteral(" (%1, latest wins), %2").arg(run.runInfo().batching,
                                                              plan.speed.describe());
    else if (plan.trigger == AppTrigger::TranscriptProcessed)
        line +=
            QStringLiteral(" (%1), %2, session id %3")
                .arg(plan.batching.describe(), plan.speed.describe(), plan.effectiveSessionId());
    else if (!plan.contract->memoryProfiles().isEmpty())
        line += QStringLiteral(", profile %1").arg(PayloadProfiles::name(plan.profile));
    if (!plan.signingSecret.isEmpty())
        line += QStringLiteral(", signed (X-Omi-Signature)");
    if (plan.faults.any())
        line += QStringLiteral("; faults %1, seed %2").arg(plan.faults.spec()).arg(plan.faultSeed);
    return line;
}

} // namespace

int executeSimulation(SimulationPlan plan, const RunOptions &options,
                      const std::string &pluginDisplay, const CliIo &io)
{
    HttpClient client;
    SimulationRun run(std::move(plan), &client);
    const RunProgressPrinter printer(io.err, run.requestCount(), options.quiet);
    if (!options.quiet)
        io.err << printable(headline(run, pluginDisplay)) << '\n';

    QObject::connect(&run, &SimulationRun::recordCompleted,
                     [&printer](const RunRecord &record) { printer.printRecord(record); });
    QObject::connect(&run, &SimulationRun::batchSkipped,
                     [&printer, &run](int index, const QString &reason) {
                         printer.printSkipped(index, run.label(index), reason);
                     });
    QEventLoop loop;
    QObject::connect(&run, &SimulationRun::finished, &loop, &QEventLoop::quit);
    run.start();
    if (run.state() != SimulationRun::State::Finished)
        loop.exec();
    const int code =
        concludeRun(options, run.records(), run.runInfo(),
                    RunAcceptance::evaluate(run.records(), options.thresholds), printer, io);
    keepInHistory(
        StoredRun::ofSimulation(run.plan(), run.runInfo(), run.records(), options.thresholds),
        options, io);
    return code;
}

} // namespace studio::cli
