#include "Commands.h"
#include "DiagnosticPrinter.h"
#include "DocumentInput.h"
#include "OptionParser.h"
#include "edit/IndexSplicer.h"
#include "repository/RepositoryFiles.h"
#include "io/TextFile.h"
#include "validation/DocumentValidator.h"

#include <QFileInfo>

namespace studio::cli {

namespace {

constexpr std::string_view kUsage =
    "Usage: plugin-studio export MANIFEST [--into INDEX] [-o OUT] [--force]\n\n"
    "Writes the entry's canonical submission JSON (the index's field order, two-space indent,\n"
    "UTF-8, final newline). With --into, inserts or updates the entry in INDEX (a\n"
    "community-plugins.json) changing no other byte, and writes INDEX in place atomically.\n\n"
    "Options:\n"
    "  --into INDEX    put the entry into this index (by id; refuses another author's id)\n"
    "  -o, --output OUT  write the result to OUT instead (atomically)\n"
    "  --force         export even when the manifest has errors\n"
    "  -h, --help      show this help\n\n"
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

// Refuses a manifest with errors unless forced; prints what is wrong either way.
bool acceptManifest(const DocumentInput &manifest, const std::optional<QString> &root, bool force,
                    const CliIo &io)
{
    ValidationOptions validation;
    validation.repositoryRoot = root;
    const ValidationReport report =
        DocumentValidator::validate(manifest.text, manifest.parsed, validation);
    if (!report.hasErrors())
        return true;
    printDiagnosticsAsText(report, manifest.display, io.err);
    if (force) {
        io.err << "plugin-studio: warning: exporting despite " << summaryLine(report)
               << " (--force)\n";
        return true;
    }
    io.err << "plugin-studio: refusing to export: " << summaryLine(report)
           << "; fix them or pass --force\n";
    return false;
}

} // namespace

int runExport(const QStringList &arguments, const CliIo &io)
{
    OptionParser options(kUsage);
    options.addOption(
        {QStringLiteral("into"), QStringLiteral("Index to update."), QStringLiteral("INDEX")});
    options.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                       QStringLiteral("Output file."),
                       QStringLiteral("OUT")});
    options.addFlag(QStringLiteral("force"), QStringLiteral("Export despite errors."));
    if (const auto exit = options.parse(arguments, io, 1, 1))
        return *exit;

    auto manifest = DocumentInput::load(options.positional().first(), io);
    if (!manifest)
        return kUsageError;
    if (manifest->parsed.ok() && !manifest->parsed.value.is_object())
        return io.fail("'" + manifest->display +
                       "' is not a manifest: a manifest is one JSON "
                       "object (use validate for a whole index)");

    const QString into = options.value(QStringLiteral("into"));
    std::optional<DocumentInput> index;
    if (!into.isEmpty()) {
        index = DocumentInput::load(into, io);
        if (!index)
            return kUsageError;
    }
    const std::optional<QString> root = index ? QFileInfo(index->path).absolutePath()
                                              : RepositoryFiles::findRootAbove(manifest->path);
    if (!acceptManifest(*manifest, root, options.isSet(QStringLiteral("force")), io))
        return kFailed;

    const QString output = options.value(QStringLiteral("output"));
    if (!index) {
        const std::string json = submissionJson(manifest->parsed.value);
        if (output.isEmpty()) {
            io.out << json;
            return kSuccess;
        }
        return writeResult(output, json, io);
    }

    const IndexSplice patch = IndexSplicer::upsert(index->text, manifest->parsed.value);
    if (!patch.ok())
        return io.fail("cannot put the entry into '" + index->display + "': " + patch.error,
                       kFailed);
    const QString target = output.isEmpty() ? index->path : output;
    const bool unchangedInPlace = output.isEmpty() && patch.text == index->text;
    if (!unchangedInPlace) {
        if (const int exit = writeResult(target, patch.text, io); exit != kSuccess)
            return exit;
    }
    io.err << actionWord(patch, index->text) << " entry '"
           << printable(manifest->parsed.value.value("id", std::string())) << "' (#"
           << patch.entryIndex << ") in " << target.toStdString()
           << (unchangedInPlace ? ": the file is left as it was" : "") << '\n';
    return kSuccess;
}

} // namespace studio::cli
