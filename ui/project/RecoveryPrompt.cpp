#include "RecoveryPrompt.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace studio {

RecoveryPrompt::Choice RecoveryPrompt::ask(QWidget *parent, const char *objectName,
                                           const QString &title, const QString &what,
                                           const QDateTime &savedAt)
{
    QMessageBox box(parent);
    box.setObjectName(QString::fromLatin1(objectName));
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(title);
    box.setText(QMessageBox::tr("Plugin Studio did not close properly. It kept the unsaved "
                                "edits to %1 from %2.")
                    .arg(what, QLocale().toString(savedAt.toLocalTime(), QLocale::ShortFormat)));
    box.setInformativeText(QMessageBox::tr("Restore them? They come back as unsaved changes you "
                                           "can review, save or undo."));
    QPushButton *restore = box.addButton(QMessageBox::tr("Restore"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(QMessageBox::tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::tr("Not Now"), QMessageBox::RejectRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == restore)
        return Choice::Restore;
    return box.clickedButton() == discard ? Choice::Discard : Choice::NotNow;
}

} // namespace studio
