#include "Commands.h"
#include "ContractOption.h"
#include "DiagnosticPrinter.h"
#include "DocumentInput.h"
#include "GithubAnnotations.h"
#include "OptionParser.h"
#include "SarifLog.h"
#include "validation/DocumentValidator.h"

namespace studio::cli {

namespace {

constexpr std::string_view kUsage =
    "Usage: plugin-studio validate PATH [--repo DIR] [--format text|json|github|sarif]\n"
    "                              [--contract plugins-2024|apps-2026]\n\n"
    "Checks a plugin manifest (a JSON object) or a whole community-plugins.json (an array of\n"
    "them; PATH may be its folder). Image and instructions files are looked up in the\n"
    "repository root: --repo, else the folder holding community-plugins.json. An app\n"
    "(apps-2026) is one JSON object; its logo is looked up beside it.\n\n"
    "Options:\n"
    "  --repo DIR            repository root for file checks\n"
    "  --format FORMAT       output format:\n"
    "                          text    file:line:column: severity: [CODE] message (default)\n"
    "                          json    every field, and each finding's one-click fix, when it\n"
    "                                  has one, as edits\n"
    "                          github  GitHub Actions annotations (::error file=...::message)\n"
    "                          sarif   a SARIF 2.1.0 log, for code scanning\n"
    "  -h, --help            show this help\n\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable "
    "input.\n";

} // namespace

int runValidate(const QStringList &arguments, const CliIo &io)
{
    OptionParser options(usageWithContract(kUsage));
    addContractOption(options);
    options.addOption(
        {QStringLiteral("repo"), QStringLiteral("Repository root."), QStringLiteral("DIR")});
    options.addOption({QStringLiteral("format"), QStringLiteral("text, json, github or sarif."),
                       QStringLiteral("FORMAT"), QStringLiteral("text")});
    if (const auto exit = options.parse(arguments, io, 1, 1))
        return *exit;
    const QString format = options.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json" && format != u"github" && format != u"sarif")
        return io.fail("--format must be text, json, github or sarif, not '" +
                       format.toStdString() + "'");

    auto loaded = loadUnderContract(options, io);
    if (!loaded)
        return kUsageError;
    const DocumentInput &input = loaded->input;
    const Contract &contract = *loaded->contract;
    bool usageError = false;
    ValidationOptions validation;
    validation.repositoryRoot =
        filesRootFor(contract, input, options.value(QStringLiteral("repo")), io, usageError);
    if (usageError)
        return kUsageError;

    const ValidationReport report = contract.validate(input.text, input.parsed, validation);
    if (format == u"json") {
        printDiagnosticsAsJson(report, input.display, input.text, contract.name(), io.out);
    } else if (format == u"sarif") {
        printDiagnosticsAsSarif(report, input.display, io.out);
    } else {
        // Lines for a reader (a terminal, a CI log): the summary goes beside them.
        if (format == u"github")
            printDiagnosticsForGithub(report, input.display, io.out);
        else
            printDiagnosticsAsText(report, input.display, io.out);
        io.err << printable(input.display) << ": " << summaryLine(report) << '\n';
    }
    return report.hasErrors() ? kFailed : kSuccess;
}

} // namespace studio::cli
