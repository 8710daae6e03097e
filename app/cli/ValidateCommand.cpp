#include "ChangedOnly.h"
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
    "                              [--changed] [--contract plugins-2024|apps-2026]\n\n"
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
    "  --changed             only the entries the pull request adds or changes (an index\n"
    "                        in a git checkout, compared with the base export uses): a\n"
    "                        pull request answers for its own entries, not the others'\n"
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
    options.addOption(
        {QStringLiteral("changed"), QStringLiteral("Only the entries the pull request changes.")});
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

    ValidationReport report = contract.validate(input.text, input.parsed, validation);
    std::optional<std::vector<std::string>> changedIds;
    if (options.isSet(QStringLiteral("changed"))) {
        auto changed = keepChangedEntries(report, input, io);
        if (!changed)
            return kUsageError;
        report = std::move(changed->report);
        changedIds = std::move(changed->ids);
    }
    if (format == u"json") {
        Json document = diagnosticsDocument(report, input.display, input.text, contract.name());
        if (changedIds)
            document["changed"] = *changedIds; // the entries the report covers
        io.out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
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
