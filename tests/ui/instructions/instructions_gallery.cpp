// Renders the setup instructions of every plugin of a repository in the instructions editor
// and saves a PNG of each, for looking at real files: instructions_gallery REPO OUT [--remote]
#include "instructions/InstructionsEditor.h"
#include "io/TextFile.h"
#include "json/JsonParser.h"
#include "manifest/PluginManifest.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <iostream>

using namespace studio;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 3) {
        std::cerr << "usage: instructions_gallery REPOSITORY OUTPUT-FOLDER [--dark]\n";
        return 2;
    }
    const QString root = arguments.at(1);
    const QDir out(arguments.at(2));
    QDir().mkpath(out.path());
    const bool dark = arguments.contains(QStringLiteral("--dark"));

    const TextFileRead index = TextFile::read(root + QStringLiteral("/community-plugins.json"));
    const JsonParseResult parsed = parseJson(index.bytes);
    if (!index.ok || !parsed.ok() || !parsed.value.is_array()) {
        std::cerr << "cannot read the index of " << root.toStdString() << '\n';
        return 2;
    }
    for (const Json &entry : parsed.value) {
        const PluginManifest manifest = PluginManifest::fromJson(entry);
        if (!manifest.externalIntegration ||
            manifest.externalIntegration->setupInstructionsFilePath.empty())
            continue;
        InstructionsDocument document;
        InstructionsEditor editor(document);
        editor.setDark(dark);
        editor.resize(1280, 760);
        editor.show();
        QEventLoop loop;
        QObject::connect(&editor, &InstructionsEditor::rendered, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        editor.setPlugin(manifest, root);
        if (editor.state() == InstructionsEditor::State::Open)
            loop.exec();
        QCoreApplication::processEvents(); // pending layout of the message page
        const QString name = QString::fromStdString(manifest.id) + QStringLiteral(".png");
        editor.grab().save(out.filePath(name));
        std::cout << manifest.id << ": "
                  << QVariant::fromValue(editor.state()).toString().toStdString() << ", "
                  << editor.diagnostics().size() << " findings -> " << name.toStdString() << '\n';
        for (const Diagnostic &d : editor.diagnostics())
            std::cout << "  " << d.start.line << ':' << d.start.column << ' ' << d.code() << ' '
                      << d.message << '\n';
    }
    return 0;
}
