#include "RunExport.h"

#include "io/TextFile.h"
#include "simulation/report/HarWriter.h"
#include "simulation/report/JUnitReportWriter.h"

#include <QCoreApplication>

namespace studio {

QString RunExport::write(Format format, const QString &path, const StoredRun &run)
{
    std::string error;
    switch (format) {
    case Format::Har:
        error = HarWriter::write(path, run.records, run.info);
        break;
    case Format::Report:
        // The report as it was when the run ended, byte for byte (as `runs export` does).
        error = TextFile::writeAtomically(path, run.report);
        break;
    case Format::JUnit:
        error = JUnitReportWriter::write(path, run.records, run.info);
        break;
    }
    return QString::fromStdString(error);
}

QString RunExport::title(Format format)
{
    switch (format) {
    case Format::Har:
        return QCoreApplication::translate("RunExport", "HAR");
    case Format::Report:
        return QCoreApplication::translate("RunExport", "JSON report");
    case Format::JUnit:
        return QCoreApplication::translate("RunExport", "JUnit XML");
    }
    return {};
}

QString RunExport::fileFilter(Format format)
{
    switch (format) {
    case Format::Har:
        return QCoreApplication::translate("RunExport", "HTTP Archive (*.har);;All files (*)");
    case Format::Report:
        return QCoreApplication::translate("RunExport", "JSON report (*.json);;All files (*)");
    case Format::JUnit:
        return QCoreApplication::translate("RunExport", "JUnit XML (*.xml);;All files (*)");
    }
    return {};
}

QString RunExport::suggestedName(Format format, qint64 runId)
{
    switch (format) {
    case Format::Har:
        return QStringLiteral("run-%1.har").arg(runId);
    case Format::Report:
        return QStringLiteral("run-%1-report.json").arg(runId);
    case Format::JUnit:
        return QStringLiteral("run-%1-junit.xml").arg(runId);
    }
    return {};
}

} // namespace studio
