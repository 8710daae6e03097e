#pragma once

#include "CaughtRequest.h"
#include "json/JsonParser.h"

namespace studio {

// What a request to the catcher is, judged from its body the way the app's payloads look
// (CONTRACT.md): a memory_creation body is a JSON object with transcript_segments (or the
// first app's transcriptSegments, or structured + created_at); a transcript_processed body
// is a JSON object with a segments array; anything else is Other, with the reason.
struct RecognizedRequest
{
    CaughtRequest::Kind kind = CaughtRequest::Kind::Other;
    Json body;       // the parsed object, for Memory and Transcript
    QString session; // Transcript: its session_id, else the query's uid, else "unknown"
    QString reason;  // Other: why ("not JSON: ...", "a GET without a body")
};

class TrafficRecognizer
{
public:
    static RecognizedRequest recognize(const HttpServerRequest &request);
};

} // namespace studio
