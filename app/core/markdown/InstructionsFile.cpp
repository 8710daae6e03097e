#include "InstructionsFile.h"

#include <QDir>
#include <QFileInfo>

namespace studio {

TextFileRead InstructionsFile::read(const QString &path)
{
    return TextFile::read(path, kMaxBytes);
}

std::string InstructionsFile::write(const QString &path, std::string_view bytes)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return "cannot write '" + path.toStdString() + "': cannot create the folder '" +
               info.absolutePath().toStdString() + "'";
    return TextFile::writeAtomically(path, bytes);
}

} // namespace studio
