#include "RunConclusion.h"

#include "simulation/report/HarWriter.h"
#include "simulation/report/JUnitReportWriter.h"
#include "simulation/report/JsonReportWriter.h"

namespace studio::cli {

namespace {

bool writeReport(const QString &path, const std::string &error, const char *what, const CliIo &io)
{
    if (error.empty())
        return true;
    io.fail(std::string("cannot write the ") + what + " '" + path.toStdString() + "': " + error);
    return false;
}

} // namespace

int concludeRun(const RunOptions &options, const QList<RunRecord> &records, const RunInfo &info,
                const RunAcceptance &acceptance, const RunProgressPrinter &printer, const CliIo &io)
{
    printer.printSummary(RunSummary::of(records), acceptance);

    bool written = true;
    if (!options.reportPath.isEmpty())
        written &= writeReport(options.reportPath,
                               JsonReportWriter::write(options.reportPath, records, info),
                               "JSON report", io);
    if (!options.harPath.isEmpty())
        written &= writeReport(options.harPath, HarWriter::write(options.harPath, records, info),
                               "HAR file", io);
    if (!options.junitPath.isEmpty())
        written &= writeReport(options.junitPath,
                               JUnitReportWriter::write(options.junitPath, records, info),
                               "JUnit report", io);
    if (!written)
        return kUsageError;
    return acceptance.passed ? kSuccess : kFailed;
}

} // namespace studio::cli
