#include "ChosenEntry.h"

#include "json/LineIndex.h"

#include <QStringList>

namespace studio::cli {

namespace {

std::string idOf(const Json &entry)
{
    const auto id = entry.find("id");
    return id != entry.end() && id->is_string() ? id->get<std::string>() : std::string();
}

std::optional<ChosenEntry> fromIndex(const DocumentInput &input, const QString &entryId,
                                     const CliIo &io)
{
    const Json &index = input.parsed.value;
    QStringList ids;
    for (const Json &entry : index) {
        if (entry.is_object())
            ids << QString::fromStdString(idOf(entry));
    }
    if (ids.isEmpty()) {
        io.fail("'" + input.display + "' holds no plugin entry");
        return std::nullopt;
    }
    const std::string available = ids.join(QStringLiteral(", ")).toStdString();
    if (entryId.isEmpty() && ids.size() > 1) {
        io.fail("'" + input.display + "' has " + std::to_string(ids.size()) +
                " entries; choose one with --entry ID (" + available + ")");
        return std::nullopt;
    }
    for (const Json &entry : index) {
        if (entry.is_object() &&
            (entryId.isEmpty() || QString::fromStdString(idOf(entry)) == entryId))
            return ChosenEntry{entry, input.display + " (entry '" + idOf(entry) + "')"};
    }
    io.fail("'" + input.display + "' has no entry with the id '" + entryId.toStdString() +
            "' (it has: " + available + ")");
    return std::nullopt;
}

} // namespace

std::optional<ChosenEntry> ChosenEntry::choose(const DocumentInput &input, const QString &entryId,
                                               const CliIo &io)
{
    if (!input.parsed.ok()) {
        const SourcePosition where = LineIndex(input.text).position(input.parsed.error->offset);
        io.fail(input.display + ":" + std::to_string(where.line) + ":" +
                std::to_string(where.column) + ": not valid JSON: " + input.parsed.error->message +
                " (run 'plugin-studio validate' for every problem)");
        return std::nullopt;
    }
    const Json &value = input.parsed.value;
    if (value.is_array())
        return fromIndex(input, entryId, io);
    if (!value.is_object()) {
        io.fail("'" + input.display +
                "' is neither a manifest (a JSON object) nor an index "
                "(an array of them)");
        return std::nullopt;
    }
    const std::string id = idOf(value);
    if (!entryId.isEmpty() && entryId.toStdString() != id) {
        io.fail("--entry '" + entryId.toStdString() + "' does not match the id of the manifest '" +
                input.display + "' ('" + id + "')");
        return std::nullopt;
    }
    return ChosenEntry{value, input.display};
}

} // namespace studio::cli
