#pragma once

#include "diagnostics/Diagnostic.h"
#include "image/ImageFacts.h"
#include "imaging/BoundedImageReader.h"

#include <QFutureWatcher>
#include <QWidget>

#include <vector>

class QLabel;
class QScrollArea;

namespace studio {

class DocumentSession;
class RoundLogoPreview;

// The plugin's logo before it is submitted: at full size, as the store's round crop (list
// tile and detail page), with the pre-flight facts (format, pixel size, aspect, file size,
// transparency) and the validator's image diagnostics. Files are read on a worker thread.
// Dropping a picture here, or the Import button, starts the logo tool.
class ImageInspector : public QWidget
{
    Q_OBJECT

public:
    explicit ImageInspector(QWidget *parent = nullptr);
    ~ImageInspector() override;

    // The document's image as written, the file it names (the contract's reading of it,
    // DocumentSession::logoFile), or why none can be looked at. Reads the file again only
    // when it changed (path, size or modification time).
    void setImage(const std::string &imagePath, const QString &absolutePath,
                  const QString &problem = {});
    // The image of the session's document, where its contract finds it.
    void showImageOf(const DocumentSession &session);
    void setDiagnostics(const std::vector<Diagnostic> &diagnostics);
    // Reads the file again even if it looks unchanged.
    void reload();

    QString factsText() const;
    QString diagnosticsText() const;
    bool isLoading() const { return m_watcher.isRunning(); }

signals:
    void importRequested();
    void imageDropped(const QString &path);
    void loaded();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Inspection
    {
        quint64 generation = 0;
        ImageFacts facts;
        DecodedImage decoded;
    };

    QString fileKey() const;
    void start();
    void finished();
    void showFacts(const Inspection &inspection);

    std::string m_imagePath;
    QString m_problem;
    QString m_absolutePath;
    QString m_loadedKey;
    quint64 m_generation = 0;
    QFutureWatcher<Inspection> m_watcher;

    QLabel *m_title;
    RoundLogoPreview *m_tile;
    RoundLogoPreview *m_detail;
    QLabel *m_facts;
    QLabel *m_diagnostics;
    QLabel *m_full;
    QScrollArea *m_fullArea;
};

} // namespace studio
