#pragma once

#include "MemoryLoadResult.h"

#include <QString>

#include <string_view>

namespace studio {

// Reads a memory fixture: one memory in the backend's shape (see MemoryPayload), e.g. a
// body captured from the app. id, created_at, structured and transcript_segments are
// required; every other field may be left out and takes the app's default (null, [],
// false, "private", source "friend"). Types and allowed values are checked, and the first
// problem is reported with its line, column and JSON pointer. Keys the backend does not
// send (a `transcript` string copied from the guide, a typo) are warned about and dropped.
class MemoryFixtureLoader
{
public:
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024; // photos are base64

    static MemoryLoadResult loadFile(const QString &path);
    static MemoryLoadResult parse(std::string_view text);
};

} // namespace studio
