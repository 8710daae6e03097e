#include "RunConclusion.h"

#include "FaultOptions.h"

#include "simulation/report/HarWriter.h"
#include "simulation/report/JUnitReportWriter.h"
#include "simulation/report/JsonReportWriter.h"

namespace studio::cli {

bool reportWritten(const std::string &error, const char *what, const CliIo &io)
{
    if (error.empty())
        return true;
    io.fail(error + " (the " + what + ")", kFailed);
    return false;
}

int concludeRun(const RunOptions &options, const QList<RunRecord> &records, const RunInfo &info,
                const RunAcceptance &acceptance, const RunProgressPrinter &printer, const CliIo &io)
{
    const RunSummary summary = RunSummary::of(records);
    if (const QString faults = copingWithFaults(summary, info.faults, info.faultSeed);
        !faults.isEmpty() && !options.quiet)
        io.err << printable(faults) << '\n';
    printer.printSummary(summary, acceptance);

    bool written = true;
    if (!options.reportPath.isEmpty())
        written &= reportWritten(JsonReportWriter::write(options.reportPath, records, info),
                                 "JSON report", io);
    if (!options.harPath.isEmpty())
        written &= reportWritten(HarWriter::write(options.harPath, records, info), "HAR file", io);
    if (!options.junitPath.isEmpty())
        written &= reportWritten(JUnitReportWriter::write(options.junitPath, records, info),
                                 "JUnit report", io);
    if (!written)
        return kFailed;
    return acceptance.passed ? kSuccess : kFailed;
}

} // namespace studio::cli
