#pragma once

#include "simulation/payload/Memory.h"

namespace studio::test {

// A memory with every field set, for the payload tests.
inline Memory completeMemory()
{
    Memory memory;
    memory.id = QStringLiteral("0f8a2c1e-5b7d-4e3a-9c61-2d4b8e7f1a30");
    memory.createdAt = *IsoDateTime::parse(QStringLiteral("2024-09-12T12:48:31.204518+02:00"));
    memory.startedAt = IsoDateTime::parse(QStringLiteral("2024-09-12T12:41:05+02:00"));
    memory.finishedAt = IsoDateTime::parse(QStringLiteral("2024-09-12T12:48:22.640000+02:00"));
    memory.source = QStringLiteral("openglass");
    memory.language = QStringLiteral("en");
    memory.structured.title = QStringLiteral("Lunch plans");
    memory.structured.overview = QStringLiteral("Where to eat.");
    memory.structured.emoji = QStringLiteral("\U0001F957");
    memory.structured.category = QStringLiteral("social");
    memory.structured.actionItems = {{QStringLiteral("Book a table"), false},
                                     {QStringLiteral("Bring the map"), true}};
    memory.structured.events = {{QStringLiteral("Hike"), QStringLiteral("Saturday hike"),
                                 *IsoDateTime::parse(QStringLiteral("2024-09-14T08:00:00+02:00")),
                                 240, false}};
    TranscriptSegment first;
    first.text = QStringLiteral("Are you hungry?");
    first.isUser = true;
    first.start = 3.1;
    first.end = 7.0;
    TranscriptSegment second;
    second.text = QStringLiteral("Sure.");
    second.speaker = QStringLiteral("SPEAKER_01");
    second.speakerId = 1;
    second.personId = QStringLiteral("person-1");
    second.start = 8.5;
    second.end = 9.25;
    memory.transcriptSegments = {first, second};
    memory.geolocation = MemoryGeolocation{QStringLiteral("ChIJ123"), 52.36, 4.885,
                                           QStringLiteral("Museumstraat 1"), std::nullopt};
    memory.photos = {{QStringLiteral("iVBORw0KGgo="), QStringLiteral("a photo")}};
    memory.pluginsResults = {{QStringLiteral("mood-tracker"), QStringLiteral("Relaxed.")},
                             {std::nullopt, QStringLiteral("Legacy.")}};
    memory.externalData = Json{{"app", "screenpipe"}};
    memory.visibility = QStringLiteral("shared");
    memory.processingMemoryId = QStringLiteral("proc-9");
    return memory;
}

} // namespace studio::test
