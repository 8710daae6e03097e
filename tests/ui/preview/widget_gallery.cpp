// Shows the store preview and the export dialog with the sample repository's entries and
// saves what they look like as PNGs, light and dark, at a given window size. For looking at
// the widgets, not a test: run it under xvfb-run or QT_QPA_PLATFORM=offscreen.
//
//   widget_gallery OUTPUT_DIR [WIDTH HEIGHT [dark]]
//
// "dark" gives the studio itself a dark palette, to check the dialog's colours on it.

#include "io/TextFile.h"
#include "manifest/PluginManifest.h"
#include "preview/LogoLoader.h"
#include "preview/StorePreview.h"
#include "shell/ThemeManager.h"
#include "submission/ExportDialog.h"
#include "validation/DocumentValidator.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

#include <iostream>

using namespace studio;

namespace {

void copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &info :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = QDir(to).filePath(info.fileName());
        if (info.isDir())
            copyFolder(info.absoluteFilePath(), target);
        else
            QFile::copy(info.absoluteFilePath(), target);
    }
}

ValidationReport reportFor(const Json &entry, const QString &root)
{
    ValidationOptions options;
    options.repositoryRoot = root;
    return DocumentValidator::validate(entry.dump(2), options);
}

void save(QWidget &widget, const QString &path)
{
    widget.grab().save(path);
    std::cout << path.toStdString() << '\n';
}

void showPreview(const Json &entry, const QString &root, bool dark, QSize size, const QString &path)
{
    QSplitter window;
    auto *editor = new QPlainTextEdit(QString::fromStdString(entry.dump(2)), &window);
    auto *preview = new StorePreview(&window);
    window.addWidget(editor);
    window.addWidget(preview);
    window.setSizes({size.width() - 460, 460});
    window.resize(size);
    preview->setDark(dark);
    preview->setManifest(PluginManifest::fromJson(entry), root);
    window.show();
    QSignalSpy idle(preview->logoLoader(), &LogoLoader::idle);
    if (preview->logoLoader()->isBusy())
        idle.wait(5000);
    QApplication::processEvents();
    save(window, path);
}

void showExport(ExportRequest request, int tab, const QString &path)
{
    ExportDialog dialog(std::move(request));
    QSignalSpy ready(&dialog, &ExportDialog::planReady);
    dialog.show();
    ready.wait(5000);
    dialog.findChild<QTabWidget *>()->setCurrentIndex(tab);
    QApplication::processEvents();
    save(dialog, path);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() < 2) {
        std::cerr << "usage: widget_gallery OUTPUT_DIR [WIDTH HEIGHT]\n";
        return 2;
    }
    const QDir out(arguments.at(1));
    QDir().mkpath(out.path());
    const QSize size(arguments.value(2, QStringLiteral("1280")).toInt(),
                     arguments.value(3, QStringLiteral("800")).toInt());
    const bool darkStudio = arguments.value(4) == QLatin1String("dark");
    if (darkStudio) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(studio::ThemeManager::darkPalette()); // the studio's own dark
    }
    const QString suffix = QStringLiteral("%1-%2x%3.png")
                               .arg(darkStudio ? QStringLiteral("-on-dark") : QString())
                               .arg(size.width())
                               .arg(size.height());

    // Work on a copy: the gallery updates an index and must never touch the samples.
    QTemporaryDir scratch;
    const QString root = scratch.filePath(QStringLiteral("repo"));
    copyFolder(QStringLiteral(STUDIO_SAMPLES_DIR "/repo"), root);
    const QString indexPath = QDir(root).filePath(QStringLiteral("community-plugins.json"));
    const Json index = Json::parse(TextFile::read(indexPath).bytes);

    showPreview(index[1], root, true, size, out.filePath(QStringLiteral("preview-dark") + suffix));
    showPreview(index[0], root, false, size,
                out.filePath(QStringLiteral("preview-light") + suffix));
    Json broken = index[3];
    broken["image"] = "/plugins/logos/focus-guardian.gif";
    broken["description"] =
        std::string(6, ' ') +
        "A description long enough to need more than the two "
        "lines the list tile gives it, so the tile cuts it with an ellipsis at the "
        "end of its second line.";
    showPreview(broken, root, true, size,
                out.filePath(QStringLiteral("preview-placeholder") + suffix));

    Json fresh = index[3];
    fresh["id"] = "focus-guardian-lite";
    fresh["name"] = "Focus Guardian Lite";
    ExportRequest request{fresh, indexPath, root, reportFor(fresh, root), {}};
    showExport(request, 0, out.filePath(QStringLiteral("export-insert") + suffix));
    showExport(request, 1, out.filePath(QStringLiteral("export-diff") + suffix));

    Json faulty = fresh;
    faulty.erase("description");
    faulty["capabilities"] = Json::array({"external_integration", "proactive_notifications"});
    ExportRequest refused{faulty, indexPath, root, reportFor(faulty, root), {}};
    showExport(refused, 0, out.filePath(QStringLiteral("export-refused") + suffix));
    return 0;
}
