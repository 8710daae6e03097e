#pragma once

#include "io/TextFile.h"

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

namespace studio {

// The setup-instructions markdown on disk. Real ones are a few kilobytes: a file over the
// limit is refused rather than loaded into an editor or a check.
class InstructionsFile
{
public:
    static constexpr std::int64_t kMaxBytes = 4 * 1024 * 1024;

    static TextFileRead read(const QString &path);
    // Creates the missing folders (a new plugin's /plugins/instructions/<id>/), then writes
    // atomically. Returns an empty string on success, else why it could not be written.
    static std::string write(const QString &path, std::string_view bytes);
};

} // namespace studio
