#include "Commands.h"
#include "ContractOption.h"
#include "DiagnosticPrinter.h"
#include "DocumentInput.h"
#include "FolderOutput.h"
#include "OptionParser.h"
#include "edit/IndexSplicer.h"
#include "io/TextFile.h"

#include <QFileInfo>

namespace studio::cli {

namespace {

constexpr std::string_view kUsage =
    "Usage: plugin-studio export DOCUMENT [--into INDEX] [-o OUT] [--force]\n"
    "                            [--contract plugins-2024|apps-2026]\n\n"
    "Writes what is submitted to the app under the document's contract.\n\n"
    "A 2024 plugin entry (plugins-2024): its canonical submission JSON (the index's field\n"
    "order, two-space indent, UTF-8, final newline), printed or written to OUT. With --into,\n"
    "inserts or updates the entry in INDEX (a community-plugins.json) changing no other byte,\n"
    "and writes INDEX in place atomically.\n\n"
    "An app (apps-2026): app_data.json (the fields an author sets: no server-owned field, no\n"
    "image) and its logo, written into the folder OUT (default: submission/ beside the app,\n"
    "files of an earlier export replaced), then prints the curl command that creates the app\n"
    "through the API. Nothing is sent.\n\n"
    "Options:\n"
    "  --into INDEX      put the entry into this index (by id; refuses another author's id)\n"
    "  -o, --output OUT  write the result to OUT instead (atomically); for an app, a folder\n"
    "  --force           export even when the document has errors\n"
    "  -h, --help        show this help\n\n"
    "An index that already holds the entry as it is is left alone (\"unchanged\"). An\n"
    "index keeps its mode and owner; one with hard links is replaced as a new file, so its\n"
    "other names keep the old content.\n\n"
    "Exit status: 0 exported or unchanged, 1 refused (errors, id collision) or not written,\n"
    "2 usage error or unreadable input.\n";

int writeResult(const QString &path, const std::string &bytes, const CliIo &io)
{
    if (const std::string notice = TextFile::hardLinkNotice(path); !notice.empty())
        io.err << "plugin-studio: note: " << notice << '\n';
    const std::string error = TextFile::writeAtomically(path, bytes);
    if (!error.empty())
        return io.fail(error, kFailed);
    return kSuccess;
}

const char *actionWord(const IndexSplice &patch, std::string_view indexText)
{
    if (patch.text == indexText)
        return "unchanged";
    return patch.action == IndexSplice::Action::Updated ? "updated" : "inserted";
}

// Refuses a document with errors unless forced; prints what is wrong either way.
bool acceptDocument(const Contract &contract, const DocumentInput &document,
                    const std::optional<QString> &root, bool force, const CliIo &io)
{
    ValidationOptions validation;
    validation.repositoryRoot = root;
    const ValidationReport report = contract.validate(document.text, document.parsed, validation);
    if (!report.hasErrors())
        return true;
    printDiagnosticsAsText(report, document.display, io.err);
    if (force) {
        io.err << "plugin-studio: warning: exporting despite " << summaryLine(report)
               << " (--force)\n";
        return true;
    }
    io.err << "plugin-studio: refusing to export: " << summaryLine(report)
           << "; fix them or pass --force\n";
    return false;
}

int exportIntoIndex(const DocumentInput &manifest, const DocumentInput &index,
                    const QString &output, const CliIo &io)
{
    const IndexSplice patch = IndexSplicer::upsert(index.text, manifest.parsed.value);
    if (!patch.ok())
        return io.fail("cannot put the entry into '" + index.display + "': " + patch.error,
                       kFailed);
    const QString target = output.isEmpty() ? index.path : output;
    const bool unchangedInPlace = output.isEmpty() && patch.text == index.text;
    if (!unchangedInPlace) {
        if (const int exit = writeResult(target, patch.text, io); exit != kSuccess)
            return exit;
    }
    io.err << actionWord(patch, index.text) << " entry '"
           << printable(manifest.parsed.value.value("id", std::string())) << "' (#"
           << patch.entryIndex << ") in " << target.toStdString()
           << (unchangedInPlace ? ": the file is left as it was" : "") << '\n';
    return kSuccess;
}

// A standalone document's submission: its files into a folder, and the command sending them.
int exportIntoFolder(const Contract &contract, const Submission &submission, const QString &folder,
                     const CliIo &io)
{
    const std::optional<QStringList> paths =
        writeIntoFolder(folder, submission.files, ExistingFiles::Replace, io);
    if (!paths)
        return kFailed;
    for (const QString &path : *paths)
        io.err << "wrote " << printable(path.toStdString()) << '\n';
    for (const std::string &note : submission.notes)
        io.err << "note: " << printable(note) << '\n';
    const QString command = contract.sendCommand(*paths);
    if (!command.isEmpty()) {
        io.out << printable(command.toStdString()) << '\n';
        io.err << "Nothing was sent. To create the app, set OMI_TOKEN to your token and run the "
                  "command above.\n";
    }
    return kSuccess;
}

} // namespace

int runExport(const QStringList &arguments, const CliIo &io)
{
    OptionParser options(usageWithContract(kUsage));
    addContractOption(options);
    options.addOption(
        {QStringLiteral("into"), QStringLiteral("Index to update."), QStringLiteral("INDEX")});
    options.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                       QStringLiteral("Output file."),
                       QStringLiteral("OUT")});
    options.addFlag(QStringLiteral("force"), QStringLiteral("Export despite errors."));
    if (const auto exit = options.parse(arguments, io, 1, 1))
        return *exit;

    auto loaded = loadUnderContract(options, io);
    if (!loaded)
        return kUsageError;
    const DocumentInput &document = loaded->input;
    if (document.parsed.ok() && !document.parsed.value.is_object())
        return io.fail("'" + document.display +
                       "' is not a manifest: a manifest is one JSON "
                       "object (use validate for a whole index)");
    const Contract &contract = *loaded->contract;
    bool usageError = false;

    const QString into = options.value(QStringLiteral("into"));
    if (!into.isEmpty() && !contract.indexed())
        return io.fail("--into puts a 2024 plugin entry into an index; '" + document.display +
                       "' is an app (" + std::string(contract.name()) +
                       "), created through the app's API: export it without --into");
    std::optional<DocumentInput> index;
    if (!into.isEmpty()) {
        index = DocumentInput::load(into, io);
        if (!index)
            return kUsageError;
    }
    const std::optional<QString> root = index
                                            ? QFileInfo(index->path).absolutePath()
                                            : filesRootFor(contract, document, {}, io, usageError);
    if (!acceptDocument(contract, document, root, options.isSet(QStringLiteral("force")), io))
        return kFailed;

    const QString output = options.value(QStringLiteral("output"));
    if (index)
        return exportIntoIndex(document, *index, output, io);
    const QString folder = QFileInfo(document.path).path();
    const Submission submission = contract.submission(document.parsed.value, folder);
    if (!contract.indexed())
        return exportIntoFolder(contract, submission,
                                output.isEmpty() ? folder + QStringLiteral("/submission") : output,
                                io);
    const std::string &json = submission.files.front().bytes;
    if (output.isEmpty()) {
        io.out << json;
        return kSuccess;
    }
    return writeResult(output, json, io);
}

} // namespace studio::cli
