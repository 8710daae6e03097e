#pragma once

#include <QString>

#include <string>
#include <vector>

namespace studio {

// A file the studio writes for the author into a folder: its name there and its bytes, or
// the file whose bytes it copies.
struct OutputFile
{
    QString name;
    std::string bytes;
    QString copiedFrom; // when set, the file is this one's copy and `bytes` is unused
};

// What an author hands over under one contract, made from a document that validates: the
// files to write and, for the author, what was left out of them and why.
struct Submission
{
    std::vector<OutputFile> files;
    std::vector<std::string> notes; // "left out 'uid': the server owns it"
};

} // namespace studio
