#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace studio {

struct IndexWriteResult
{
    enum class Status
    {
        Written,
        ChangedOnDisk,
        Failed
    };

    Status status = Status::Failed;
    std::string error; // for Failed: what went wrong and where
};

// Replaces the index on disk with its patched text, unless the file no longer holds the
// bytes the patch was computed from (someone edited it meanwhile): then nothing is written,
// so their change is not lost. The write is atomic.
class IndexWriter
{
public:
    static IndexWriteResult replaceIfUnchanged(const QString &path, std::string_view expected,
                                               std::string_view replacement);
};

} // namespace studio
