#pragma once

#include <QHash>
#include <QImage>
#include <QStringList>
#include <QTextBrowser>

#include <map>
#include <vector>

namespace studio {

// The rendered instructions. It never navigates: a click on a web or mail link opens it
// in the system's browser or mail program (the URL carries the uid the app appends), a
// click on a local file opens it only when it is inside the repository, and in-page links
// scroll. Images come only from memory: local ones are decoded off the GUI thread and
// handed in with addImage(); remote ones are refused (a placeholder says so) unless the
// user allows them, and then they too arrive through addImage(). Like the app, an image
// wider than the page is shown scaled down to the page's width.
class PreviewBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PreviewBrowser(QWidget *parent = nullptr);

    void setRepositoryRoot(const QString &root) { m_repositoryRoot = root; }
    void setRemoteImagesAllowed(bool allowed) { m_remoteAllowed = allowed; }

    // Shows a rendering whose blocks carry anchors for `anchorLines` (source lines).
    void showRendered(const QString &html, const std::vector<int> &anchorLines);
    void addImage(const QString &url, const QImage &image);
    // An image that could not be loaded shows as a placeholder with the reason.
    void addUnavailableImage(const QString &url, const QString &reason);
    bool hasImage(const QString &url) const { return m_images.contains(url); }

    // Scrolls so that source line `line` is at the top, between the blocks that start
    // before and after it.
    void scrollToSourceLine(int line);

    // Remote resources the page asked for and did not get (privacy default).
    const QStringList &refusedRemoteResources() const { return m_refusedRemote; }

signals:
    // A link was handed to the system (browser, mail program, file viewer).
    void linkOpened(const QUrl &url);
    // A link that is not opened, with the reason (outside the repository, no target ...).
    void linkRefused(const QUrl &url, const QString &reason);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onAnchorClicked(const QUrl &url);
    void indexAnchors(const std::vector<int> &anchorLines);
    bool isInsideRepository(const QString &path) const;
    QImage placeholder(const QString &text) const;
    void fitImagesToWidth();

    QString m_repositoryRoot;
    bool m_remoteAllowed = false;
    QHash<QString, QImage> m_images;
    QStringList m_refusedRemote;
    std::map<int, int> m_blockOfLine;   // source line -> block number holding its anchor
    QHash<int, QSizeF> m_authoredSizes; // image position -> the size the page asked for
};

} // namespace studio
