#include "StoredRun.h"

#include "simulation/report/JsonReportWriter.h"

namespace studio {

StoredRun StoredRun::ofSimulation(const SimulationPlan &plan, const RunInfo &info,
                                  const QList<RunRecord> &records, const RunThresholds &thresholds)
{
    StoredRun run;
    run.kind = plan.trigger == AppTrigger::MemoryCreation ? RunKind::Memory : RunKind::Transcript;
    run.info = info;
    run.settings = RunSettings::ofPlan(plan, thresholds);
    run.records = records;
    run.report = JsonReportWriter::render(records, info);
    return run;
}

StoredRun StoredRun::ofSetupCheck(const RunSettings &settings, const RunInfo &info,
                                  const QList<RunRecord> &records)
{
    StoredRun run;
    run.kind = RunKind::Setup;
    run.info = info;
    run.settings = settings;
    run.records = records;
    run.report = JsonReportWriter::render(records, info);
    return run;
}

Json StoredRun::summaryJson() const
{
    return JsonReportWriter::summaryJson(RunSummary::of(records));
}

} // namespace studio
