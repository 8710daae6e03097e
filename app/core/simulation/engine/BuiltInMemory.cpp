#include "BuiltInMemory.h"

namespace studio {

namespace {

TranscriptSegment segment(const char *text, int speakerId, double start, double end)
{
    TranscriptSegment segment;
    segment.text = QString::fromUtf8(text);
    segment.speakerId = speakerId;
    segment.speaker = TranscriptSegment::speakerLabel(speakerId);
    segment.isUser = speakerId == 0;
    segment.start = start;
    segment.end = end;
    return segment;
}

IsoDateTime at(const char *iso)
{
    return IsoDateTime::parse(QString::fromLatin1(iso)).value_or(IsoDateTime{});
}

} // namespace

Memory BuiltInMemory::sample()
{
    Memory memory;
    memory.id = QStringLiteral("5d1c7e0a-3b2f-4c8e-9a61-7f40b2d9e815");
    memory.startedAt = at("2024-10-08T09:00:04+02:00");
    memory.finishedAt = at("2024-10-08T09:00:31.200000+02:00");
    memory.createdAt = at("2024-10-08T09:00:38.913027+02:00");
    memory.language = QStringLiteral("en");
    memory.structured.title = QStringLiteral("Planning the Product Review");
    memory.structured.overview = QStringLiteral(
        "The user and Priya plan Thursday's product review: the demo build is nearly ready, "
        "the user will send the agenda today and Priya books the large meeting room.");
    memory.structured.emoji = QStringLiteral("\U0001F4C5");
    memory.structured.category = QStringLiteral("work");
    memory.structured.actionItems = {
        {QStringLiteral("Send the agenda for the product review to the team"), false},
        {QStringLiteral("Book the large meeting room for Thursday"), true},
    };
    MemoryEvent review;
    review.title = QStringLiteral("Product review");
    review.description = QStringLiteral("Demo of the new onboarding flow, then questions.");
    review.start = at("2024-10-10T14:00:00+02:00");
    review.duration = 60;
    memory.structured.events = {review};
    memory.transcriptSegments = {
        segment("Morning Priya, do you have a minute about Thursday's review?", 0, 0.0, 3.8),
        segment("Sure. The demo build is nearly ready, just the onboarding screens left.", 1, 4.4,
                9.1),
        segment("Great. I'll send the agenda to the team today.", 0, 9.7, 12.6),
        segment("I already booked the large meeting room, two to three.", 1, 13.2, 16.9),
        segment("Perfect, then we start at two with the demo and keep the rest for questions.", 0,
                17.5, 22.3),
        segment("Sounds good. Let's make sure the build is on the test phones by Wednesday.", 1,
                23.0, 27.2),
    };
    memory.transcriptSegments[1].personId = QStringLiteral("b6f0d6f2-6a43-4d9f-8c1e-2a7c5e9d3f10");
    MemoryGeolocation office;
    office.googlePlaceId = QStringLiteral("ChIJAVkDPzdOqEcRcDteW0YgIQQ");
    office.latitude = 52.520008;
    office.longitude = 13.404954;
    office.address = QStringLiteral("Alexanderplatz 1, 10178 Berlin, Germany");
    office.locationType = QStringLiteral("office");
    memory.geolocation = office;
    memory.pluginsResults = {{QStringLiteral("meeting-summary"),
                              QStringLiteral("Review on Thursday at 14:00; agenda due today.")}};
    return memory;
}

} // namespace studio
