#pragma once

#include <QByteArray>
#include <QString>
#include <QUndoCommand>

#include <optional>

namespace studio {

// Writing a file as a step of the document's history: undo puts the old bytes back, or
// removes the file when there was none. The first redo is skipped, because the caller
// has already written the file (and reported any failure) before pushing the step.
class FileWriteCommand : public QUndoCommand
{
public:
    FileWriteCommand(QString path, std::optional<QByteArray> previous, QByteArray bytes,
                     QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QString m_path;
    std::optional<QByteArray> m_previous;
    QByteArray m_bytes;
    bool m_firstRedo = true;
};

} // namespace studio
