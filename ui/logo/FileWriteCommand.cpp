#include "FileWriteCommand.h"

#include "io/TextFile.h"

#include <QFile>

namespace studio {

FileWriteCommand::FileWriteCommand(QString path, std::optional<QByteArray> previous,
                                   QByteArray bytes, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_path(std::move(path))
    , m_previous(std::move(previous))
    , m_bytes(std::move(bytes))
{}

void FileWriteCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    const std::string error = TextFile::writeAtomically(
        m_path, std::string_view(m_bytes.constData(), static_cast<std::size_t>(m_bytes.size())));
    if (!error.empty())
        qWarning("studio: redo could not write %s: %s", qPrintable(m_path), error.c_str());
}

void FileWriteCommand::undo()
{
    if (!m_previous) {
        if (!QFile::remove(m_path))
            qWarning("studio: undo could not remove %s", qPrintable(m_path));
        return;
    }
    const std::string error = TextFile::writeAtomically(
        m_path,
        std::string_view(m_previous->constData(), static_cast<std::size_t>(m_previous->size())));
    if (!error.empty())
        qWarning("studio: undo could not restore %s: %s", qPrintable(m_path), error.c_str());
}

} // namespace studio
