#pragma once

#include "json/JsonParser.h"

#include <QByteArray>
#include <QString>

namespace studio {

// What the built-in plugins answer, as pure functions of what they heard: the same words
// as the FastAPI sample (samples/plugin-server/main.py), so either server can stand in for
// the other in a test.
class PluginAnswers
{
public:
    // memory_creation: a message naming the memory's title, its segments, words and open
    // action items ("Filed "Standup": 12 segments, 210 words, 2 open action items.").
    static Json memoryFiled(const Json &memory);
    // transcript_processed: a message quoting the first new segment that commits to
    // something ("remind me", "I'll", ...), or {} when none does.
    static Json commitmentHeard(const Json &newSegments, int segmentsSoFar);
    // proactive_notification: asks the app's model to answer the last question the wearer
    // asked in the new segments, or {} when there is none.
    static Json questionHeard(const Json &newSegments, int segmentsSoFar);
};

} // namespace studio
