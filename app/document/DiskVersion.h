#pragma once

#include "document/DocumentSource.h"
#include "edit/IndexEntries.h"

#include <QString>

#include <optional>
#include <string>

namespace studio {

// The open document as it is on disk now: the manifest file, or the entry in the index.
// Read off the GUI thread when another program may have changed the file.
struct DiskVersion
{
    // The document's text on disk; nothing when the file, or its entry, is gone.
    std::optional<std::string> text;
    QString missingReason; // why there is no text, in words
    // For an index entry: the index as on disk, when it could be read and listed.
    std::optional<std::string> indexText;
    IndexListing listing;
    std::optional<std::size_t> entryPosition; // where the entry is now

    static DiskVersion read(const DocumentSource &source);
};

} // namespace studio
