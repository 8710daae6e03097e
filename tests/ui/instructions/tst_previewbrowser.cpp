#include "EncodedImages.h"
#include "LoopbackServer.h"
#include "TestFiles.h"
#include "instructions/PreviewBrowser.h"
#include "markdown/InstructionsRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace studio;
using studio::test::LoopbackServer;
using studio::test::TemporaryRepository;

// Receives what QDesktopServices::openUrl would hand to the system browser.
class OpenedUrls : public QObject
{
    Q_OBJECT

public slots:
    void open(const QUrl &url) { urls.append(url); }

public:
    QList<QUrl> urls;
};

namespace {

RenderedInstructions render(const std::string &markdown, const QString &root)
{
    InstructionsRenderOptions options;
    options.context.pluginId = "p";
    options.context.instructionsPath = "/plugins/instructions/p/README.md";
    options.context.repositoryRoot = root;
    options.sourceAnchors = true;
    return InstructionsRenderer::render(markdown, options);
}

// Clicks the middle of the first occurrence of `text` in the page.
void clickText(PreviewBrowser &preview, const QString &text)
{
    const QTextCursor found = preview.document()->find(text);
    QVERIFY2(!found.isNull(), qPrintable(text));
    QTextCursor middle(preview.document());
    middle.setPosition((found.selectionStart() + found.selectionEnd()) / 2);
    const QPoint point = preview.cursorRect(middle).center();
    QTest::mouseClick(preview.viewport(), Qt::LeftButton, {}, point);
}

} // namespace

class PreviewBrowserTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_opened.urls.clear();
        for (const char *scheme : {"https", "http", "mailto", "file"})
            QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &m_opened, "open");
    }

    void cleanup()
    {
        for (const char *scheme : {"https", "http", "mailto", "file"})
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
    }

    void linkClick_opensTheSystemBrowserWithTheUid_andDoesNotNavigate()
    {
        TemporaryRepository repository;
        PreviewBrowser preview;
        preview.resize(600, 400);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        preview.showRendered(
            render("Open the [setup page](https://a.example/setup?x=1) now.\n", repository.root())
                .html,
            {});
        QSignalSpy opened(&preview, &PreviewBrowser::linkOpened);
        const QString before = preview.toPlainText();

        clickText(preview, QStringLiteral("setup page"));
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(m_opened.urls,
                 QList<QUrl>{QUrl(QStringLiteral("https://a.example/setup?x=1&uid=%3Cuid%3E"))});
        QCOMPARE(preview.toPlainText(), before);
        QVERIFY(preview.source().isEmpty());
        QVERIFY(!preview.isBackwardAvailable());
    }

    void brokenLink_goesNowhereAndSaysWhy()
    {
        TemporaryRepository repository;
        PreviewBrowser preview;
        preview.resize(600, 400);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        preview.showRendered(
            render("Do [not click](javascript:alert(1)) here.\n", repository.root()).html, {});
        QSignalSpy opened(&preview, &PreviewBrowser::linkOpened);
        QVERIFY(
            preview.toPlainText().contains(u"malformed link: a javascript: link runs a script"));
        const QString before = preview.toPlainText();
        clickText(preview, QStringLiteral("not click")); // handled synchronously, if at all
        QCOMPARE(opened.count(), 0);
        QVERIFY(m_opened.urls.isEmpty());
        QCOMPARE(preview.toPlainText(), before);
    }

    void unknownScheme_inRawHtml_isRefused()
    {
        PreviewBrowser preview;
        preview.resize(600, 400);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        preview.showRendered(QStringLiteral("<p><a href=\"smb://share/x\">share</a></p>"), {});
        QSignalSpy refused(&preview, &PreviewBrowser::linkRefused);
        clickText(preview, QStringLiteral("share"));
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().at(1).toString().contains(u"smb"));
        QVERIFY(m_opened.urls.isEmpty());
    }

    void fileLink_opensOnlyInsideTheRepository()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/p/assets/form.pdf"), "%PDF");
        QTemporaryDir outside;
        PreviewBrowser preview;
        preview.setRepositoryRoot(repository.root());
        preview.resize(600, 400);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        const QString outsideUrl =
            QUrl::fromLocalFile(outside.filePath(QStringLiteral("secret.txt"))).toString();
        preview.showRendered(render("[the form](assets/form.pdf)\n", repository.root()).html +
                                 u"<p><a href=\"" + outsideUrl + u"\">outside</a></p>",
                             {});
        QSignalSpy refused(&preview, &PreviewBrowser::linkRefused);
        clickText(preview, QStringLiteral("the form"));
        QTRY_COMPARE(m_opened.urls.size(), 1);
        QCOMPARE(m_opened.urls.first().toLocalFile(),
                 repository.path(QStringLiteral("plugins/instructions/p/assets/form.pdf")));
        clickText(preview, QStringLiteral("outside"));
        QTRY_COMPARE(refused.count(), 1);
        QCOMPARE(m_opened.urls.size(), 1);
    }

    void remoteImages_areRefusedByDefault()
    {
        LoopbackServer server;
        QVERIFY(server.isListening());
        server.setRoute("/raw.png", LoopbackServer::Behaviour::text(200, test::encodedPng(4, 4)));
        TemporaryRepository repository;
        PreviewBrowser preview;
        preview.resize(600, 400);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        const QString raw = server.url("/raw.png");
        preview.showRendered(render("![shot](" + server.url("/md.png").toStdString() +
                                        ")\n\n<img src=\"" + raw.toStdString() + "\">\n",
                                    repository.root())
                                 .html,
                             {});
        QVERIFY(
            preview.toPlainText().contains(u"remote image not loaded: " + server.url("/md.png")));
        QCOMPARE(preview.refusedRemoteResources(), QStringList{raw});
        QCOMPARE(server.requestCount(), 0);
    }

    void wideImages_areScaledDownToThePageWidth_likeTheApp()
    {
        PreviewBrowser preview;
        preview.resize(420, 400);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        QImage wide(1200, 300, QImage::Format_RGB32);
        wide.fill(Qt::darkBlue);
        QImage small(50, 40, QImage::Format_RGB32);
        small.fill(Qt::darkGreen);
        preview.showRendered(QStringLiteral("<p><img src=\"mem:wide\"></p>"
                                            "<p><img src=\"mem:small\"></p>"
                                            "<ul><li><img src=\"mem:wide\"></li></ul>"),
                             {});
        preview.addImage(QStringLiteral("mem:wide"), wide);
        preview.addImage(QStringLiteral("mem:small"), small);

        const auto imageSizes = [&preview] {
            QList<QSizeF> sizes;
            for (QTextBlock b = preview.document()->begin(); b.isValid(); b = b.next()) {
                for (auto it = b.begin(); !it.atEnd(); ++it) {
                    const QTextCharFormat format = it.fragment().charFormat();
                    if (format.isImageFormat())
                        sizes << QSizeF(format.toImageFormat().width(),
                                        format.toImageFormat().height());
                }
            }
            return sizes;
        };
        const qreal page = preview.viewport()->width() - 2 * preview.document()->documentMargin();
        QList<QSizeF> sizes = imageSizes();
        QCOMPARE(sizes.size(), 3);
        QCOMPARE(sizes[0], QSizeF(page, 300 * page / 1200)); // the aspect is kept
        QCOMPARE(sizes[1], QSizeF(50, 40));                  // small ones stay as they are
        QVERIFY2(sizes[2].width() < page, "a list item leaves less room");
        // Nothing wider than the viewport: no sideways scrolling.
        QCOMPARE(preview.horizontalScrollBar()->maximum(), 0);

        preview.resize(1600, 400);
        QTRY_COMPARE(imageSizes()[0], QSizeF(1200, 300)); // room again: the natural size
    }

    void scaledImages_areDrawnSmoothly()
    {
        // Stripes one pixel wide, scaled to about half: smooth scaling blends most to grey,
        // nearest-neighbour would keep black and white.
        QImage stripes(800, 60, QImage::Format_RGB32);
        for (int x = 0; x < stripes.width(); ++x) {
            for (int y = 0; y < stripes.height(); ++y)
                stripes.setPixel(x, y, x % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
        }
        PreviewBrowser preview;
        preview.resize(440, 300);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        preview.showRendered(QStringLiteral("<p><img src=\"mem:stripes\"></p>"), {});
        preview.addImage(QStringLiteral("mem:stripes"), stripes);
        const QTextCursor image(preview.document()->begin());
        const QRect box = preview.cursorRect(image);
        const QImage shot = preview.viewport()->grab().toImage();
        const int y = box.top() + 20;
        int extremes = 0;
        for (int x = box.left() + 40; x < box.left() + 140; ++x) {
            const int grey = qGray(shot.pixel(x, y));
            extremes += grey < 40 || grey > 215;
        }
        QVERIFY2(extremes < 50, qPrintable(QString::number(extremes))); // nearest: all 100
    }

    void scrollToSourceLine_putsTheLinesBlockAtTheTop()
    {
        TemporaryRepository repository;
        std::string markdown;
        for (int i = 1; i <= 60; ++i)
            markdown += "Paragraph " + std::to_string(i) + " with some words in it.\n\n";
        markdown += "## Target\n";
        PreviewBrowser preview;
        preview.resize(500, 300);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        const auto rendered = render(markdown, repository.root());
        preview.showRendered(rendered.html, rendered.anchorLines);

        preview.scrollToSourceLine(121); // the heading's line
        const QTextBlock target = preview.document()->find(QStringLiteral("Target")).block();
        const int top = int(preview.document()->documentLayout()->blockBoundingRect(target).top());
        const int margin = int(preview.document()->documentMargin());
        QVERIFY(preview.verticalScrollBar()->value() > 0);
        QCOMPARE(preview.verticalScrollBar()->value(),
                 std::min(top - margin, preview.verticalScrollBar()->maximum()));

        preview.scrollToSourceLine(1);
        QCOMPARE(preview.verticalScrollBar()->value(), 0);
    }

private:
    OpenedUrls m_opened;
};

QTEST_MAIN(PreviewBrowserTest)
#include "tst_previewbrowser.moc"
