#include "TextFile.h"

#include <QFile>
#include <QFileInfo>

namespace studio {

namespace {

std::string quoted(const QString &path)
{
    return "'" + path.toStdString() + "'";
}

TextFileRead failure(std::string error)
{
    TextFileRead result;
    result.error = std::move(error);
    return result;
}

} // namespace

TextFileRead TextFile::read(const QString &path, std::int64_t maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failure("cannot read " + quoted(path) + ": no such file");
    if (info.isDir())
        return failure("cannot read " + quoted(path) + ": it is a directory");
    if (!info.isFile())
        return failure("cannot read " + quoted(path) + ": it is not a regular file");
    if (info.size() > maxBytes)
        return failure("cannot read " + quoted(path) + ": it is " +
                       std::to_string(info.size() / (1024 * 1024)) + " MB, over the " +
                       std::to_string(maxBytes / (1024 * 1024)) + " MB limit for a document");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure("cannot read " + quoted(path) + ": " + file.errorString().toStdString());
    // Read at most one byte past the limit: the file may have grown since it was looked at.
    const QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return failure("cannot read " + quoted(path) + ": it grew beyond the size limit");
    if (file.error() != QFile::NoError)
        return failure("cannot read " + quoted(path) + ": " + file.errorString().toStdString());
    TextFileRead result;
    result.ok = true;
    result.bytes = bytes.toStdString();
    return result;
}

} // namespace studio
