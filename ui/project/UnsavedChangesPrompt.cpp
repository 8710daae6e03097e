#include "UnsavedChangesPrompt.h"

#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace studio {

const char *const UnsavedChangesPrompt::kObjectName = "unsavedChangesPrompt";

UnsavedChangesPrompt::Outcome UnsavedChangesPrompt::ask(DocumentSession &session, QWidget *parent,
                                                        const QString &action)
{
    if (!session.document()->isModified())
        return Outcome::Proceed;
    QMessageBox box(parent);
    box.setObjectName(QString::fromLatin1(kObjectName));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(QObject::tr("Unsaved Changes"));
    box.setText(QObject::tr("Save the changes to %1 before %2?")
                    .arg(session.source().displayName(), action));
    box.setInformativeText(QObject::tr("Your changes are lost if you don't save them."));
    box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    const int answer = box.exec();
    if (answer == QMessageBox::Discard)
        return Outcome::Proceed;
    if (answer != QMessageBox::Save)
        return Outcome::Stay;

    QString error;
    if (session.needsSaveAsPath()) {
        const QString path = QFileDialog::getSaveFileName(
            parent, QObject::tr("Save Manifest"), QString(), QObject::tr("JSON files (*.json)"));
        if (path.isEmpty())
            return Outcome::Stay;
        error = session.saveAs(path);
    } else {
        error = session.save();
    }
    if (error.isEmpty())
        return Outcome::Proceed;
    QMessageBox::critical(parent, QObject::tr("Not Saved"), error);
    return Outcome::Stay;
}

} // namespace studio
