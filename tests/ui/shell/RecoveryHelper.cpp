// A studio that edits and then waits to be killed, for tst_recovery. With PATH TEXT it opens
// PATH in the real window and types TEXT at the end of the name field; with PATH TEXT ENTRY it
// opens the repository PATH at ENTRY and types TEXT at the end of that plugin's setup
// instructions. It prints "ready" once the autosave has written its file.
#include "document/Autosave.h"
#include "document/DocumentSession.h"
#include "document/SessionAutosave.h"
#include "form/ManifestForm.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/MarkdownEditor.h"
#include "shell/InstructionsRecovery.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

#include <iostream>

namespace {

void announce(const QString &path)
{
    if (!path.isEmpty())
        std::cout << "ready " << path.toStdString() << std::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    QStandardPaths::setTestModeEnabled(true);
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: recovery_helper PATH TEXT [ENTRY]\n";
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QString text = QString::fromLocal8Bit(argv[2]);
    studio::MainWindow window;
    window.show();
    const QString error =
        argc == 4 ? window.session()->openRepository(path, QString::fromLocal8Bit(argv[3]))
                  : window.session()->openPath(path);
    if (!error.isEmpty()) {
        std::cerr << error.toStdString() << '\n';
        return 2;
    }
    if (argc == 4) {
        QObject::connect(window.instructionsRecovery()->drafts(), &studio::Autosave::written, &app,
                         announce);
        studio::MarkdownEditor *markdown = window.instructions()->editor();
        markdown->setFocus();
        markdown->SendScintilla(QsciScintillaBase::SCI_DOCUMENTEND);
        QTest::keyClicks(markdown, text);
    } else {
        QObject::connect(window.recovery(), &studio::Autosave::written, &app, announce);
        auto *name = qobject_cast<QLineEdit *>(window.form()->fieldWidget("/name"));
        name->end(false);
        QTest::keyClicks(name, text);
    }
    return QApplication::exec();
}
