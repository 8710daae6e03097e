#include "UnsavedChangesPrompt.h"

#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace studio {

const char *const UnsavedChangesPrompt::kObjectName = "unsavedChangesPrompt";

void UnsavedChangesPrompt::ask(DocumentSession &session, QWidget *parent, const QString &action,
                               std::function<void(Outcome)> done)
{
    if (!session.document()->isModified()) {
        done(Outcome::Proceed);
        return;
    }
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
    if (answer == QMessageBox::Discard) {
        done(Outcome::Proceed);
        return;
    }
    if (answer != QMessageBox::Save) {
        done(Outcome::Stay);
        return;
    }

    const auto written = [&session, parent = QPointer<QWidget>(parent), action,
                          done](const QString &error) {
        if (!error.isEmpty()) {
            QMessageBox::critical(parent, QObject::tr("Not Saved"), error);
            done(Outcome::Stay);
            return;
        }
        ask(session, parent, action, done); // edits typed while it was written
    };
    if (!session.needsSaveAsPath()) {
        session.save(written);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Save Manifest"), QString(), QObject::tr("JSON files (*.json)"));
    if (path.isEmpty())
        done(Outcome::Stay);
    else
        session.saveAs(path, written);
}

} // namespace studio
