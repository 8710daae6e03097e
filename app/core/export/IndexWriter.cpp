#include "IndexWriter.h"

#include "io/TextFile.h"

namespace studio {

IndexWriteResult IndexWriter::replaceIfUnchanged(const QString &path, std::string_view expected,
                                                 std::string_view replacement)
{
    IndexWriteResult result;
    const TextFileRead current = TextFile::read(path);
    if (!current.ok) {
        result.error = current.error;
        return result;
    }
    if (current.bytes != expected) {
        result.status = IndexWriteResult::Status::ChangedOnDisk;
        return result;
    }
    result.error = TextFile::writeAtomically(path, replacement);
    if (result.error.empty())
        result.status = IndexWriteResult::Status::Written;
    return result;
}

} // namespace studio
