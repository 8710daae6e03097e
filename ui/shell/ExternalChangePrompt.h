#pragma once

#include <QString>

#include <memory>
#include <string_view>

class QMessageBox;
class QWidget;

namespace studio {

// Asks, as editors do, what to do with an open file that another program changed while it
// has unsaved edits here: take the version on disk, or keep the edits (the next Save
// replaces the file). It names the file and shows the difference as a diff.
class ExternalChangePrompt
{
public:
    enum class Choice
    {
        Reload,
        KeepEdits,
    };

    static const char *const kObjectName;
    static QString reloadButtonText();
    static QString keepButtonText();

    // The question, not shown yet (screenshots show it without waiting for an answer).
    static std::unique_ptr<QMessageBox> create(QWidget *parent, const QString &fileName,
                                               std::string_view edits, std::string_view onDisk);
    static Choice ask(QWidget *parent, const QString &fileName, std::string_view edits,
                      std::string_view onDisk);
};

} // namespace studio
