#include "ChosenEntry.h"
#include "Commands.h"
#include "ContractOption.h"
#include "DiagnosticPrinter.h"
#include "DocumentInput.h"
#include "FolderOutput.h"
#include "OptionParser.h"
#include "contract/apps2026/AppMigration.h"

#include <QDir>
#include <QRegularExpression>

namespace studio::cli {

namespace {

constexpr std::string_view kUsage =
    "Usage: plugin-studio migrate FILE [--entry ID] [-o DIR] [--contract plugins-2024]\n\n"
    "Makes an entry of the 2024 plugin index into an app (apps-2026). FILE is a manifest, an\n"
    "index (community-plugins.json) or a repository folder. Writes DIR/app.json and the logo\n"
    "beside it (copied from the repository as logo.png, .jpg ...), prints each change with\n"
    "its reason, then checks the app as 'validate' does. The category is \"other\" until you\n"
    "choose one; setup instructions in the repository must be published and given by URL.\n\n"
    "Options:\n"
    "  --entry ID            the entry to migrate, needed when the index has several\n"
    "  -o, --output DIR      the folder to write into (default: a folder named after the id,\n"
    "                        in the current folder); an existing file is never overwritten\n"
    "  -h, --help            show this help\n\n"
    "Exit status: 0 migrated (warnings allowed), 1 the app has errors to fix, or nothing was\n"
    "written (a file exists, a write failed), 2 usage error or unreadable input.\n";

// The default folder: the entry's id, when it can name a folder in the current one.
std::optional<QString> folderNamedAfter(const Json &entry)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    const QString id = QString::fromStdString(entry.value("id", std::string()));
    if (!safe.match(id).hasMatch())
        return std::nullopt;
    return id;
}

// The written app checked as 'validate' checks it; true when it has no error.
bool checkApp(const std::string &text, const QString &folder, const CliIo &io)
{
    ValidationOptions validation;
    validation.repositoryRoot = QDir(folder).absolutePath();
    const ValidationReport report =
        Contract::apps2026().validate(text, parseJson(text), validation);
    const std::string display =
        QDir(folder).filePath(QString::fromLatin1(AppMigration::kAppFileName)).toStdString();
    printDiagnosticsAsText(report, display, io.out);
    io.out << printable(display) << ": " << summaryLine(report)
           << (report.hasErrors() ? "; fix them before creating the app" : "") << '\n';
    return !report.hasErrors();
}

} // namespace

int runMigrate(const QStringList &arguments, const CliIo &io)
{
    OptionParser options(usageWithContract(kUsage));
    addContractOption(options);
    options.addOption({QStringLiteral("entry"), QStringLiteral("Entry id."), QStringLiteral("ID")});
    options.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                       QStringLiteral("Output folder."),
                       QStringLiteral("DIR")});
    if (const auto exit = options.parse(arguments, io, 1, 1))
        return *exit;

    const auto loaded = loadUnderContract(options, io);
    if (!loaded)
        return kUsageError;
    const DocumentInput &input = loaded->input;
    const std::optional<ChosenEntry> chosen =
        ChosenEntry::choose(input, options.value(QStringLiteral("entry")), io);
    if (!chosen)
        return kUsageError;
    if (loaded->contract != &Contract::plugins2024())
        return io.fail("migrate makes a 2024 plugin entry into an app; '" + chosen->display +
                       "' is read as " + std::string(loaded->contract->name()));

    QString folder = options.value(QStringLiteral("output"));
    if (folder.isEmpty()) {
        const std::optional<QString> byId = folderNamedAfter(chosen->entry);
        if (!byId)
            return io.fail("the id of " + chosen->display +
                           " cannot name a folder; choose one with -o DIR");
        folder = *byId;
    }
    bool usageError = false;
    const std::optional<QString> root = repositoryRootFor(input, {}, io, usageError);
    const AppMigration migration = AppMigration::fromPluginEntry(chosen->entry, root);
    if (!writeIntoFolder(folder, migration.files, ExistingFiles::Refuse, io))
        return kFailed;

    const QString appFile = QDir(folder).filePath(QString::fromLatin1(AppMigration::kAppFileName));
    io.out << "migrated " << printable(chosen->display) << " to "
           << printable(appFile.toStdString()) << '\n';
    for (const std::string &change : migration.changes)
        io.out << "  " << printable(change) << '\n';
    return checkApp(migration.files.back().bytes, folder, io) ? kSuccess : kFailed;
}

} // namespace studio::cli
