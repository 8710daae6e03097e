#include "TranscriptJsonLoader.h"

#include "JsonInputReader.h"
#include "SegmentJsonReader.h"
#include "json/JsonPointer.h"

namespace studio {

TranscriptLoadResult TranscriptJsonLoader::load(std::string_view text)
{
    TranscriptLoadResult result;
    JsonInputReader reader(text);
    if (!reader.parsed()) {
        result.error = reader.parseError();
        return result;
    }
    try {
        const Json &root = reader.root();
        const Json *segments = &root;
        std::string pointer;
        if (root.is_object()) {
            pointer = "/segments";
            if (!root.contains("segments"))
                reader.fail({}, QStringLiteral("expected an array of segments or an object with "
                                               "a \"segments\" array"));
            segments = &root["segments"];
        } else if (!root.is_array()) {
            reader.fail({}, QStringLiteral("expected an array of segments or an object with a "
                                           "\"segments\" array, not %1")
                                .arg(JsonInputReader::typeName(root)));
        }
        reader.expectArray(*segments, pointer);
        if (segments->empty())
            reader.fail(pointer, QStringLiteral("the transcript has no segments"));

        SegmentJsonReader segmentReader(reader);
        result.segments.reserve(static_cast<qsizetype>(segments->size()));
        for (std::size_t i = 0; i < segments->size(); ++i) {
            const std::string segmentPointer = json_pointer::append(pointer, i);
            result.segments.append(segmentReader.read((*segments)[i], segmentPointer));
            result.origins.append(SegmentOrigin{reader.lineAt(segmentPointer), segmentPointer});
        }
    } catch (const JsonInputReader::Failure &failure) {
        result.segments.clear();
        result.origins.clear();
        result.error = failure.issue;
    }
    result.warnings = reader.warnings();
    return result;
}

} // namespace studio
