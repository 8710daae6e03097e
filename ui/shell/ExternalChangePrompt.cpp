#include "ExternalChangePrompt.h"

#include "export/UnifiedDiff.h"

#include <QFontDatabase>
#include <QMessageBox>
#include <QPushButton>
#include <QTextEdit>

namespace studio {

const char *const ExternalChangePrompt::kObjectName = "externalChangePrompt";

QString ExternalChangePrompt::reloadButtonText()
{
    return QObject::tr("Reload from Disk");
}

QString ExternalChangePrompt::keepButtonText()
{
    return QObject::tr("Keep My Edits");
}

std::unique_ptr<QMessageBox> ExternalChangePrompt::create(QWidget *parent, const QString &fileName,
                                                          std::string_view edits,
                                                          std::string_view onDisk)
{
    auto box = std::make_unique<QMessageBox>(parent);
    box->setObjectName(QString::fromLatin1(kObjectName));
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(QObject::tr("File Changed on Disk"));
    box->setText(QObject::tr("%1 was changed by another program, and you have unsaved edits "
                             "to it here.")
                     .arg(fileName));
    box->setInformativeText(
        QObject::tr("Reload to take the version on disk (Undo brings your edits back), or keep "
                    "your edits: the next Save replaces the file."));
    const UnifiedDiff diff = UnifiedDiff::between(
        edits, onDisk, {.oldName = "your edits", .newName = "on disk", .contextLines = 2});
    if (!diff.isEmpty()) {
        box->setDetailedText(QString::fromStdString(diff.text));
        // A diff reads in columns, a few hunks at a time.
        if (auto *details = box->findChild<QTextEdit *>()) {
            details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            details->setLineWrapMode(QTextEdit::NoWrap);
            // Qt fixes it at 100 px, about five lines: give a hunk or two room.
            details->setFixedHeight(details->fontMetrics().lineSpacing() * 12);
        }
    }
    QPushButton *reload = box->addButton(reloadButtonText(), QMessageBox::DestructiveRole);
    QPushButton *keep = box->addButton(keepButtonText(), QMessageBox::RejectRole);
    reload->setObjectName(QStringLiteral("reloadFromDisk"));
    keep->setObjectName(QStringLiteral("keepEdits"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    return box;
}

ExternalChangePrompt::Choice ExternalChangePrompt::ask(QWidget *parent, const QString &fileName,
                                                       std::string_view edits,
                                                       std::string_view onDisk)
{
    const std::unique_ptr<QMessageBox> box = create(parent, fileName, edits, onDisk);
    box->exec();
    return box->clickedButton() == box->findChild<QPushButton *>(QStringLiteral("reloadFromDisk"))
               ? Choice::Reload
               : Choice::KeepEdits;
}

} // namespace studio
