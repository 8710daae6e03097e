#include "MemoryFixtureLoader.h"

#include "io/TextFile.h"
#include "json/JsonPointer.h"
#include "transcript/JsonInputReader.h"
#include "transcript/SegmentJsonReader.h"

namespace studio {

namespace {

using Pointer = std::string;

class MemoryReader
{
public:
    explicit MemoryReader(JsonInputReader &reader)
        : m_reader(reader)
    {}

    Memory read(const Json &root)
    {
        m_reader.expectObject(root, {});
        m_reader.warnUnknownKeys(root, {},
                                 {"id", "created_at", "started_at", "finished_at", "source",
                                  "language", "structured", "transcript_segments", "geolocation",
                                  "photos", "plugins_results", "external_data", "discarded",
                                  "deleted", "visibility", "processing_memory_id"},
                                 QStringLiteral("the backend's memory"));

        Memory memory;
        memory.id = m_reader.string(root, {}, "id");
        if (memory.id.trimmed().isEmpty())
            m_reader.fail("/id", QStringLiteral("\"id\" is empty: the app always sends a uuid"));
        memory.createdAt = dateTime(root, {}, "created_at");
        memory.startedAt = optionalDateTime(root, {}, "started_at");
        memory.finishedAt = optionalDateTime(root, {}, "finished_at");
        if (memory.startedAt && memory.finishedAt &&
            memory.finishedAt->epochMicros() < memory.startedAt->epochMicros())
            m_reader.warn("/finished_at", QStringLiteral("finished_at is before started_at"));
        memory.source =
            oneOfOrNull(root, {}, "source", Memory::sources(), QStringLiteral("friend"));
        memory.language = m_reader.optionalString(root, {}, "language");
        memory.structured = structured(m_reader.member(root, {}, "structured"), "/structured");
        memory.transcriptSegments =
            segments(m_reader.member(root, {}, "transcript_segments"), "/transcript_segments");
        memory.geolocation = geolocation(root);
        memory.photos = photos(root);
        memory.pluginsResults = pluginResults(root);
        if (root.contains("external_data") && !root["external_data"].is_null()) {
            m_reader.expectObject(root["external_data"], "/external_data");
            memory.externalData = root["external_data"];
        }
        memory.discarded = optionalBoolean(root, {}, "discarded", false);
        memory.deleted = optionalBoolean(root, {}, "deleted", false);
        if (root.contains("visibility"))
            memory.visibility = oneOf(root, {}, "visibility", Memory::visibilities());
        memory.processingMemoryId = m_reader.optionalString(root, {}, "processing_memory_id");
        return memory;
    }

private:
    IsoDateTime dateTime(const Json &object, const Pointer &pointer, std::string_view key) const
    {
        const QString text = m_reader.string(object, pointer, key);
        QString error;
        const std::optional<IsoDateTime> value = IsoDateTime::parse(text, &error);
        if (!value)
            m_reader.fail(JsonInputReader::memberPointer(pointer, key), error);
        return *value;
    }

    std::optional<IsoDateTime> optionalDateTime(const Json &object, const Pointer &pointer,
                                                std::string_view key) const
    {
        if (!object.contains(key) || object[std::string(key)].is_null())
            return std::nullopt;
        return dateTime(object, pointer, key);
    }

    bool optionalBoolean(const Json &object, const Pointer &pointer, std::string_view key,
                         bool fallback) const
    {
        return object.contains(key) ? m_reader.boolean(object, pointer, key) : fallback;
    }

    QString oneOf(const Json &object, const Pointer &pointer, std::string_view key,
                  const QStringList &allowed) const
    {
        const QString value = m_reader.string(object, pointer, key);
        if (!allowed.contains(value))
            m_reader.fail(JsonInputReader::memberPointer(pointer, key),
                          QStringLiteral("\"%1\" is not one of the values the app knows: %2")
                              .arg(value, allowed.join(QStringLiteral(", "))));
        return value;
    }

    std::optional<QString> oneOfOrNull(const Json &object, const Pointer &pointer,
                                       std::string_view key, const QStringList &allowed,
                                       const QString &fallback) const
    {
        if (!object.contains(key))
            return fallback;
        if (object[std::string(key)].is_null())
            return std::nullopt;
        return oneOf(object, pointer, key, allowed);
    }

    const Json &optionalArray(const Json &object, const Pointer &pointer,
                              std::string_view key) const
    {
        static const Json empty = Json::array();
        if (!object.contains(key))
            return empty;
        const Json &value = object[std::string(key)];
        m_reader.expectArray(value, JsonInputReader::memberPointer(pointer, key));
        return value;
    }

    MemoryStructured structured(const Json &value, const Pointer &pointer)
    {
        m_reader.expectObject(value, pointer);
        m_reader.warnUnknownKeys(
            value, pointer, {"title", "overview", "emoji", "category", "action_items", "events"},
            QStringLiteral("structured"));
        MemoryStructured result;
        if (value.contains("title"))
            result.title = m_reader.string(value, pointer, "title");
        if (value.contains("overview"))
            result.overview = m_reader.string(value, pointer, "overview");
        if (value.contains("emoji"))
            result.emoji = m_reader.string(value, pointer, "emoji");
        if (value.contains("category"))
            result.category = oneOf(value, pointer, "category", Memory::categories());

        const Json &items = optionalArray(value, pointer, "action_items");
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Pointer itemPointer = json_pointer::append(pointer + "/action_items", i);
            m_reader.expectObject(items[i], itemPointer);
            m_reader.warnUnknownKeys(items[i], itemPointer, {"description", "completed", "deleted"},
                                     QStringLiteral("an action item"));
            result.actionItems.append({m_reader.string(items[i], itemPointer, "description"),
                                       optionalBoolean(items[i], itemPointer, "completed", false)});
        }

        const Json &events = optionalArray(value, pointer, "events");
        for (std::size_t i = 0; i < events.size(); ++i) {
            const Pointer eventPointer = json_pointer::append(pointer + "/events", i);
            const Json &event = events[i];
            m_reader.expectObject(event, eventPointer);
            m_reader.warnUnknownKeys(event, eventPointer,
                                     {"title", "description", "start", "duration", "created"},
                                     QStringLiteral("an event"));
            MemoryEvent parsed;
            parsed.title = m_reader.string(event, eventPointer, "title");
            if (event.contains("description"))
                parsed.description = m_reader.string(event, eventPointer, "description");
            parsed.start = dateTime(event, eventPointer, "start");
            if (event.contains("duration")) {
                const qint64 minutes = m_reader.integer(event, eventPointer, "duration");
                if (minutes < 0 || minutes > 100'000)
                    m_reader.fail(eventPointer + "/duration",
                                  QStringLiteral("\"duration\" is minutes between 0 and 100000"));
                parsed.duration = static_cast<int>(minutes);
            }
            parsed.created = optionalBoolean(event, eventPointer, "created", false);
            result.events.append(parsed);
        }
        return result;
    }

    QList<TranscriptSegment> segments(const Json &value, const Pointer &pointer)
    {
        m_reader.expectArray(value, pointer);
        SegmentJsonReader segmentReader(m_reader);
        QList<TranscriptSegment> result;
        result.reserve(static_cast<qsizetype>(value.size()));
        for (std::size_t i = 0; i < value.size(); ++i)
            result.append(segmentReader.read(value[i], json_pointer::append(pointer, i)));
        return result;
    }

    std::optional<MemoryGeolocation> geolocation(const Json &root)
    {
        if (!root.contains("geolocation") || root["geolocation"].is_null())
            return std::nullopt;
        const Json &value = root["geolocation"];
        const Pointer pointer = "/geolocation";
        m_reader.expectObject(value, pointer);
        m_reader.warnUnknownKeys(value, pointer,
                                 {"google_place_id", "latitude", "longitude", "address",
                                  "location_type", "altitude", "accuracy"},
                                 QStringLiteral("a geolocation"));
        MemoryGeolocation result;
        result.googlePlaceId = m_reader.optionalString(value, pointer, "google_place_id");
        result.latitude = m_reader.number(value, pointer, "latitude");
        result.longitude = m_reader.number(value, pointer, "longitude");
        if (result.latitude < -90 || result.latitude > 90)
            m_reader.fail(pointer + "/latitude",
                          QStringLiteral("latitude must be between -90 and 90"));
        if (result.longitude < -180 || result.longitude > 180)
            m_reader.fail(pointer + "/longitude",
                          QStringLiteral("longitude must be between -180 and 180"));
        result.address = m_reader.optionalString(value, pointer, "address");
        result.locationType = m_reader.optionalString(value, pointer, "location_type");
        return result;
    }

    QList<MemoryPhoto> photos(const Json &root)
    {
        QList<MemoryPhoto> result;
        const Json &list = optionalArray(root, {}, "photos");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Pointer pointer = json_pointer::append("/photos", i);
            m_reader.expectObject(list[i], pointer);
            result.append({m_reader.string(list[i], pointer, "base64"),
                           m_reader.string(list[i], pointer, "description")});
        }
        return result;
    }

    QList<PluginResult> pluginResults(const Json &root)
    {
        QList<PluginResult> result;
        const Json &list = optionalArray(root, {}, "plugins_results");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Pointer pointer = json_pointer::append("/plugins_results", i);
            m_reader.expectObject(list[i], pointer);
            result.append({m_reader.optionalString(list[i], pointer, "plugin_id"),
                           m_reader.string(list[i], pointer, "content")});
        }
        return result;
    }

    JsonInputReader &m_reader;
};

} // namespace

MemoryLoadResult MemoryFixtureLoader::loadFile(const QString &path)
{
    const TextFileRead read = TextFile::read(path, kMaxBytes);
    if (!read.ok) {
        MemoryLoadResult result;
        result.error = LoadIssue{0, 0, {}, QString::fromStdString(read.error)};
        return result;
    }
    return parse(read.bytes);
}

MemoryLoadResult MemoryFixtureLoader::parse(std::string_view text)
{
    MemoryLoadResult result;
    JsonInputReader reader(text);
    if (!reader.parsed()) {
        result.error = reader.parseError();
        return result;
    }
    try {
        result.memory = MemoryReader(reader).read(reader.root());
    } catch (const JsonInputReader::Failure &failure) {
        result.memory = {};
        result.error = failure.issue;
    }
    result.warnings = reader.warnings();
    return result;
}

} // namespace studio
