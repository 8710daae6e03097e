#pragma once

#include "json/JsonParser.h"
#include "simulation/report/RunRecord.h"

#include <QByteArray>

namespace studio {

// One request of a run as the history stores it: every field of the RunRecord (the request
// as sent with its headers and transport settings, the response with its status line,
// headers, truncation and redirects, the phase timings, the error, the app's verdict) as
// JSON, except the two bodies, which are kept apart as exact bytes so that nothing is
// re-encoded and a rerun can send the very same bytes. Header names and values are bytes
// on the wire; they are stored as Latin-1 text, which maps every byte to one character.
class RunRecordCodec
{
public:
    static Json toJson(const RunRecord &record);
    // Absent keys take their defaults; a value of the wrong type throws (nlohmann's
    // exception, caught by RunHistory).
    static RunRecord fromJson(const Json &json, const QByteArray &requestBody,
                              const QByteArray &responseBody);
};

} // namespace studio
