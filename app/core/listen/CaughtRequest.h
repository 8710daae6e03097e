#pragma once

#include "server/HttpServerRequest.h"

#include <QString>

namespace studio {

// What the catcher made of one request it answered.
struct CaughtRequest
{
    enum class Kind
    {
        Memory,     // a memory_creation body: kept as memory-<n>.json
        Transcript, // a transcript_processed call: its segments appended to its session's file
        Other,      // anything else: kept raw as request-<n>.http
    };

    HttpServerRequest request;
    Kind kind = Kind::Other;
    QString fixture; // the file it went into; empty when it could not be written
    QString note;    // what happened, for the user: "+4 segments (12 in all)", a write error
    bool written = false;

    static QString kindName(Kind kind); // "memory_creation", "transcript_processed", "other"
};

} // namespace studio
