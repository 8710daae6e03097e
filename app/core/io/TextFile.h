#pragma once

#include <QString>

#include <cstdint>
#include <string>

namespace studio {

struct TextFileRead
{
    bool ok = false;
    std::string bytes;
    std::string error; // says what and where: "cannot read 'x': it is a directory"
};

// Reading and writing the documents the studio edits. Reads refuse what cannot be a
// document (folders, devices, files beyond the size limit) before loading anything; writes
// are atomic: the old file stays whole until the new one is complete.
class TextFile
{
public:
    static constexpr std::int64_t kDefaultMaxBytes = 32 * 1024 * 1024;

    static TextFileRead read(const QString &path, std::int64_t maxBytes = kDefaultMaxBytes);
    // Returns an empty string on success, else why the file could not be written. An existing
    // file keeps its mode and owner; a symbolic link keeps pointing at the replaced file.
    static std::string writeAtomically(const QString &path, std::string_view bytes);
    // What replacing the file does to its other hard links, or empty when it has none.
    static std::string hardLinkNotice(const QString &path);
};

} // namespace studio
