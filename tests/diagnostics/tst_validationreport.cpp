// A report merged with an editor's live findings about one file.
#include "diagnostics/ValidationReport.h"

#include <QTest>

using namespace studio;

class ValidationReportTest : public QObject
{
    Q_OBJECT

private slots:
    void withFileFindings_replacesThatFilesFindingsOnly()
    {
        ValidationReport report;
        Diagnostic manifestFinding;
        manifestFinding.pointer = "/image";
        Diagnostic savedReadme;
        savedReadme.file = "/repo/README.md";
        savedReadme.message = "as saved";
        report.diagnostics = {manifestFinding, savedReadme};
        Diagnostic liveReadme = savedReadme;
        liveReadme.message = "as typed";

        const ValidationReport merged =
            report.withFileFindings("/repo/README.md", {liveReadme, liveReadme});

        QCOMPARE(merged.diagnostics.size(), std::size_t(3));
        QCOMPARE(merged.diagnostics[0].pointer, std::string("/image"));
        QCOMPARE(merged.diagnostics[1].message, std::string("as typed"));
        QCOMPARE(report.withFileFindings({}, {liveReadme}).diagnostics.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(ValidationReportTest)
#include "tst_validationreport.moc"
