#pragma once

#include "edit/IndexEntries.h"

#include <QString>

#include <optional>
#include <string>

namespace studio {

// One save of the open document, made to run on a worker: a manifest's text written as it
// is, or an entry spliced into the index as it is on disk now (only the entry's bytes
// change) and the index listed again. Written atomically; nothing is written when
// anything fails.
struct DocumentWrite
{
    QString path;     // the manifest file or the index
    std::string text; // the document's text as it was when the save began
    bool intoIndex = false;
    std::optional<std::string> replaces; // in the index: the entry's id, none for a new one

    struct Result
    {
        QString error; // "" when written
        // In the index: the index as written, its entries, and where the entry is.
        std::string indexText;
        IndexListing listing;
        std::size_t entryPosition = 0;
    };

    Result run() const;
};

} // namespace studio
