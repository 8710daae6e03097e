#include "RecoveryRecord.h"

#include "json/JsonParser.h"

namespace studio {

namespace {

constexpr int kFormat = 1;

const char *kindName(DocumentSource::Kind kind)
{
    switch (kind) {
    case DocumentSource::Kind::ManifestFile:
        return "manifest-file";
    case DocumentSource::Kind::IndexEntry:
        return "index-entry";
    case DocumentSource::Kind::Untitled:
        break;
    }
    return "untitled";
}

std::string stringAt(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::string RecoveryRecord::toJson() const
{
    Json json = Json::object();
    json["format"] = kFormat;
    json["kind"] = kindName(source.kind);
    json["filePath"] = source.filePath.toStdString();
    json["repositoryRoot"] = source.repositoryRoot.toStdString();
    json["entryId"] = source.entryId ? Json(*source.entryId) : Json(nullptr);
    json["entryPosition"] = source.entryPosition;
    json["savedAt"] = savedAt.toString(Qt::ISODateWithMs).toStdString();
    json["processId"] = processId;
    if (!instructionsFile.isEmpty())
        json["instructionsFile"] = instructionsFile.toStdString();
    json["text"] = text;
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<RecoveryRecord> RecoveryRecord::fromJson(std::string_view json)
{
    const JsonParseResult parsed = parseJson(json, {.recordSourceMap = false});
    if (!parsed.ok() || !parsed.value.is_object())
        return std::nullopt;
    const Json &root = parsed.value;
    const auto format = root.find("format");
    const auto text = root.find("text");
    if (format == root.end() || *format != kFormat || text == root.end() || !text->is_string())
        return std::nullopt;

    RecoveryRecord record;
    const std::string kind = stringAt(root, "kind");
    record.source.kind = kind == "manifest-file" ? DocumentSource::Kind::ManifestFile
                         : kind == "index-entry" ? DocumentSource::Kind::IndexEntry
                                                 : DocumentSource::Kind::Untitled;
    record.source.filePath = QString::fromStdString(stringAt(root, "filePath"));
    record.source.repositoryRoot = QString::fromStdString(stringAt(root, "repositoryRoot"));
    const auto entryId = root.find("entryId");
    if (entryId != root.end() && entryId->is_string())
        record.source.entryId = entryId->get<std::string>();
    const auto position = root.find("entryPosition");
    if (position != root.end() && position->is_number_integer() &&
        position->get<std::int64_t>() >= 0)
        record.source.entryPosition = static_cast<std::size_t>(position->get<std::int64_t>());
    record.savedAt =
        QDateTime::fromString(QString::fromStdString(stringAt(root, "savedAt")), Qt::ISODateWithMs);
    const auto pid = root.find("processId");
    if (pid != root.end() && pid->is_number_integer())
        record.processId = pid->get<qint64>();
    record.instructionsFile = QString::fromStdString(stringAt(root, "instructionsFile"));
    record.text = text->get<std::string>();
    return record;
}

} // namespace studio
