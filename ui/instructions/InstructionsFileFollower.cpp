#include "InstructionsFileFollower.h"

#include "InstructionsEditor.h"
#include "MarkdownEditor.h"
#include "markdown/InstructionsFile.h"

#include <QFileInfo>
#include <QtConcurrent>

namespace studio {

InstructionsFileFollower::InstructionsFileFollower(InstructionsEditor &editor)
    : QObject(&editor)
    , m_editor(editor)
{
    const auto current = [this] { return m_editor.editor()->bytes().toStdString(); };
    connect(&editor, &InstructionsEditor::opened, this,
            [this, current] { setBaseline(current()); });
    connect(&editor, &InstructionsEditor::saved, this, [this, current] { setBaseline(current()); });
    connect(&editor, &InstructionsEditor::stateChanged, this,
            [this](InstructionsEditor::State state) {
                if (state != InstructionsEditor::State::Open)
                    setBaseline(std::nullopt);
            });
    connect(&m_read, &QFutureWatcher<DiskRead>::finished, this, &InstructionsFileFollower::checked);
}

QString InstructionsFileFollower::fileName() const
{
    return QString::fromStdString(m_editor.repositoryPath());
}

void InstructionsFileFollower::checkDisk()
{
    if (!m_baseline.isFollowing())
        return;
    if (m_read.isRunning()) {
        m_recheck = true;
        return;
    }
    m_recheck = false;
    m_readGeneration = m_generation;
    m_read.setFuture(QtConcurrent::run([path = m_editor.filePath()] {
        DiskRead read{path, std::nullopt};
        if (QFileInfo(path).isFile()) {
            TextFileRead file = InstructionsFile::read(path);
            if (file.ok)
                read.text = std::move(file.bytes);
        }
        return read;
    }));
}

void InstructionsFileFollower::checked()
{
    DiskRead read = m_read.result();
    if (m_recheck || m_readGeneration != m_generation || read.path != m_editor.filePath()) {
        checkDisk();
        return;
    }
    const bool wasMissing = m_baseline.isMissing();
    const DiskBaseline::Change change = m_baseline.compare(read.text);
    MarkdownEditor *text = m_editor.editor();
    if (change == DiskBaseline::Change::Deleted)
        m_editor.setUnsaved(true); // Save writes it back; leaving asks first
    if (change == DiskBaseline::Change::Restored &&
        text->bytes().toStdString() == m_baseline.text())
        m_editor.setUnsaved(false);
    if (wasMissing != m_baseline.isMissing())
        emit missingOnDiskChanged(m_baseline.isMissing());
    if (change != DiskBaseline::Change::Changed)
        return;
    if (*read.text == text->bytes().toStdString()) {
        setBaseline(std::move(read.text));
        m_editor.setUnsaved(false);
        return;
    }
    m_pending = std::move(read.text);
    if (m_editor.isDirty())
        emit changedOnDisk();
    else
        reloadFromDisk();
}

void InstructionsFileFollower::reloadFromDisk()
{
    if (!m_pending)
        return;
    std::string text = std::move(*m_pending);
    setBaseline(text);
    m_editor.editor()->replaceKeepingView(QByteArray::fromStdString(text));
    m_editor.setUnsaved(false);
    emit reloadedFromDisk();
}

void InstructionsFileFollower::keepEditsOverDisk()
{
    if (!m_pending)
        return;
    setBaseline(std::move(m_pending));
    m_editor.setUnsaved(true); // no step of the history is what the file holds now
}

void InstructionsFileFollower::setBaseline(std::optional<std::string> text)
{
    const bool wasMissing = m_baseline.isMissing();
    ++m_generation;
    m_pending.reset();
    if (text)
        m_baseline.set(std::move(*text));
    else
        m_baseline.clear();
    if (wasMissing)
        emit missingOnDiskChanged(false);
}

} // namespace studio
