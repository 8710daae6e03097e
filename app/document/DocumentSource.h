#pragma once

#include <QString>

#include <optional>
#include <string>

namespace studio {

// Where the document being edited lives, and so how it is saved.
struct DocumentSource
{
    enum class Kind
    {
        Untitled,     // not saved anywhere yet
        ManifestFile, // a file holding one manifest, saved as it is
        IndexEntry,   // one entry of community-plugins.json, saved in place
    };

    Kind kind = Kind::Untitled;
    QString filePath;       // the manifest file or the index
    QString repositoryRoot; // the folder holding community-plugins.json, if known
    // For an index entry: the id it had when opened (nothing for a new entry), and its
    // position then, to tell apart entries without an id.
    std::optional<std::string> entryId;
    std::size_t entryPosition = 0;

    bool isIndexEntry() const { return kind == Kind::IndexEntry; }
    bool hasRepository() const { return !repositoryRoot.isEmpty(); }

    // A stable name of the document, to find its recovery file again.
    QString identity() const;
    // How the window title and prompts name it: "meeting-notes in community-plugins.json".
    QString displayName() const;
};

} // namespace studio
