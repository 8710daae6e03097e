#pragma once

#include <optional>
#include <string>

namespace studio {

// What an open document's file held when the studio last read or wrote it: a file that
// differs from it was changed by another program, not saved by the studio, and a file
// that is gone was deleted under the open document.
class DiskBaseline
{
public:
    enum class Change
    {
        None,     // as the studio left it (or nothing is followed)
        Changed,  // different text
        Deleted,  // gone, and it was there before
        Restored, // back with the text the studio left there
    };

    // Nothing to follow (an untitled document, a new entry).
    void clear();
    // The text the studio just read from the file or wrote to it.
    void set(std::string text);

    bool isFollowing() const { return m_text.has_value(); }
    bool isMissing() const { return m_missing; }
    const std::string &text() const;

    // The file as it is now (nothing: gone).
    Change compare(const std::optional<std::string> &disk);

private:
    std::optional<std::string> m_text;
    bool m_missing = false;
};

} // namespace studio
