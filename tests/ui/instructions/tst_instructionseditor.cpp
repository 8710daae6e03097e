#include "EncodedImages.h"
#include "LoopbackServer.h"
#include "TestFiles.h"
#include "editor/DiagnosticMarks.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/MarkdownEditor.h"
#include "instructions/PreviewBrowser.h"
#include "instructions/RemoteImageLoader.h"
#include "instructions/RenderScheduler.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>

using namespace studio;
using studio::test::LoopbackServer;
using studio::test::TemporaryRepository;

namespace {

const QString kReadme = QStringLiteral("plugins/instructions/notion-crm/README.md");

PluginManifest
notionCrm(const std::string &instructionsPath = "/plugins/instructions/notion-crm/README.md")
{
    PluginManifest manifest;
    manifest.id = "notion-crm";
    manifest.name = "Notion CRM";
    manifest.author = "@joan";
    manifest.capabilities = {"external_integration"};
    manifest.externalIntegration =
        ExternalIntegration{"memory_creation",
                            "https://crm.example/hook",
                            std::string("https://crm.example/setup/done"),
                            instructionsPath,
                            {{"Connect Notion", "https://crm.example/setup-notion"}}};
    return manifest;
}

// An editor on a shown window, with the plugin's instructions open and rendered.
struct OpenEditor
{
    explicit OpenEditor(const TemporaryRepository &repository,
                        const PluginManifest &manifest = notionCrm())
    {
        editor.resize(1000, 500);
        editor.show();
        QSignalSpy rendered(&editor, &InstructionsEditor::rendered);
        editor.setPlugin(manifest, repository.root());
        if (editor.state() == InstructionsEditor::State::Open)
            ready = rendered.wait(10000);
    }

    InstructionsDocument document;
    InstructionsEditor editor{document};
    bool ready = false;
};

} // namespace

class InstructionsEditorTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void open_rendersTheFileAsTheAppDoes()
    {
        TemporaryRepository repository;
        repository.write(kReadme, "# Notion CRM\n\n1. Authenticate [Notion x "
                                  "Friend](https://crm.example/setup-notion-crm).\n\n"
                                  "![Step 4](assets/step_4.png)\n");
        repository.write(QStringLiteral("plugins/instructions/notion-crm/assets/step_4.png"),
                         test::encodedPng(40, 20));
        OpenEditor open(repository);
        QVERIFY(open.ready);
        QCOMPARE(open.editor.state(), InstructionsEditor::State::Open);
        QVERIFY(!open.editor.document()->isModified());
        const QString page = open.editor.preview()->toPlainText();
        QVERIFY2(page.contains(u"Notion x Friend?uid=<uid>"), qPrintable(page));
        const QString image =
            QUrl::fromLocalFile(repository.path(QStringLiteral(
                                    "plugins/instructions/notion-crm/assets/step_4.png")))
                .toString(QUrl::FullyEncoded);
        QVERIFY(open.editor.preview()->hasImage(image));
        QVERIFY(open.editor.diagnostics().empty());
        QCOMPARE(open.editor.assets().size(), std::size_t(1));
        QVERIFY(open.editor.storeHtml().contains(u"Notion x Friend"));
        QVERIFY(!open.editor.storeHtml().contains(u"class=\"uid\""));
    }

    void typing_rerendersThePreview()
    {
        TemporaryRepository repository;
        repository.write(kReadme, "# Setup\n");
        OpenEditor open(repository);
        QVERIFY(open.ready);
        QSignalSpy dirty(open.editor.document(), &TextDocument::modifiedChanged);
        open.editor.editor()->setFocus();
        open.editor.editor()->setCursorPosition(1, 0);
        QTest::keyClick(open.editor.editor(), Qt::Key_Return);
        QTest::keyClicks(open.editor.editor(),
                         QStringLiteral("~~Old~~ and a [page](https://crm.example/p?a=1)"));
        QTRY_VERIFY(open.editor.preview()->toPlainText().contains(u"Old and a page&uid=<uid>"));
        QVERIFY(open.editor.document()->isModified());
        QCOMPARE(dirty.count(), 1);
        QCOMPARE(dirty.first().first().toBool(), true);
    }

    void manifestEdits_outsideTheContext_renderNothing()
    {
        TemporaryRepository repository;
        repository.write(kReadme, "# Setup\n");
        OpenEditor open(repository);
        QVERIFY(open.ready);
        QSignalSpy rendered(&open.editor, &InstructionsEditor::rendered);
        PluginManifest manifest = notionCrm();
        for (const char *description : {"A", "A CRM", "A CRM for Notion"}) {
            manifest.description = description; // what typing in the description does
            open.editor.setPlugin(manifest, repository.root());
        }
        QTest::qWait(300); // a render, were one asked for, would land well within this
        QCOMPARE(rendered.count(), 0);

        manifest.id = "notion-crm-2"; // the id is in every asset URL: it renders again
        open.editor.setPlugin(manifest, repository.root());
        QVERIFY(rendered.wait(10000));
    }

    void editsMidRender_collapseIntoOneRerender()
    {
        TemporaryRepository repository;
        repository.write(kReadme, "# Setup\n");
        OpenEditor open(repository);
        QVERIFY(open.ready);
        const int before = open.editor.scheduler()->startedJobs();
        for (int i = 1; i <= 25; ++i)
            open.editor.editor()->setText(QStringLiteral("Edit number %1\n").arg(i));
        QTRY_VERIFY(open.editor.preview()->toPlainText().contains(u"Edit number 25"));
        QTRY_VERIFY(!open.editor.scheduler()->isBusy());
        QCOMPARE(open.editor.scheduler()->startedJobs() - before, 2);
    }

    void diagnostics_areLocatedInTheMarkdownAndUnderlined()
    {
        TemporaryRepository repository;
        repository.write(kReadme, "# Setup\n\n![Explanation GIF](assets/explanation.gif)\n");
        OpenEditor open(repository);
        QVERIFY(open.ready);
        QCOMPARE(open.editor.diagnostics().size(), std::size_t(1));
        const Diagnostic &missing = open.editor.diagnostics().front();
        QCOMPARE(missing.rule, RuleId::InstructionsMissingImage);
        QCOMPARE(QString::fromStdString(missing.file), repository.path(kReadme));
        QCOMPARE(missing.start, (SourcePosition{3, 20}));
        QCOMPARE(open.editor.editor()->marks()->indicatorAt(missing.span.begin),
                 DiagnosticMarks::kErrorIndicator);
        QVERIFY(open.editor.editor()
                    ->marks()
                    ->messagesAt(missing.span.begin + 3)
                    .startsWith(u"PS203 the image 'assets/explanation.gif'"));

        QSignalSpy changed(&open.editor, &InstructionsEditor::diagnosticsChanged);
        open.editor.editor()->setText(QStringLiteral("# Setup\n\nAll good.\n"));
        QTRY_VERIFY(!changed.isEmpty() &&
                    changed.last().first().value<std::vector<Diagnostic>>().empty());
        QCOMPARE(open.editor.editor()->marks()->indicatorAt(missing.span.begin), -1);
    }

    void save_writesAtomicallyAndClearsDirty()
    {
        TemporaryRepository repository;
        repository.write(kReadme, "# Setup\n");
        OpenEditor open(repository);
        QVERIFY(open.ready);
        open.editor.editor()->setText(QStringLiteral("# Setup\n\nNew step.\n"));
        QVERIFY(open.editor.document()->isModified());
        QSignalSpy saved(open.editor.document(), &InstructionsDocument::saved);
        QSignalSpy dirty(open.editor.document(), &TextDocument::modifiedChanged);
        QVERIFY(open.editor.document()->save());
        QCOMPARE(test::readFile(repository.path(kReadme)), QByteArray("# Setup\n\nNew step.\n"));
        QVERIFY(!open.editor.document()->isModified());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(dirty.count(), 1);
        // No temporary file is left beside it.
        QCOMPARE(QDir(repository.path(QStringLiteral("plugins/instructions/notion-crm")))
                     .entryList(QDir::Files),
                 QStringList{QStringLiteral("README.md")});
    }

    void save_thatFails_keepsTheTextDirtyAndSaysWhy()
    {
        TemporaryRepository repository;
        repository.write(kReadme, "# Setup\n");
        OpenEditor open(repository);
        QVERIFY(open.ready);
        open.editor.editor()->setText(QStringLiteral("changed\n"));
        // The file is replaced by a folder behind the editor's back: it cannot be written over.
        QVERIFY(QFile::remove(repository.path(kReadme)));
        QVERIFY(QDir().mkpath(repository.path(kReadme)));
        QSignalSpy error(open.editor.document(), &InstructionsDocument::errorOccurred);
        QVERIFY(!open.editor.document()->save());
        QCOMPARE(error.count(), 1);
        QVERIFY(open.editor.document()->lastError().contains(u"cannot write"));
        QVERIFY(open.editor.document()->isModified());
        QVERIFY(QFileInfo(repository.path(kReadme)).isDir());
    }

    void missingFile_createdFromTheTemplate()
    {
        TemporaryRepository repository;
        OpenEditor open(repository);
        QCOMPARE(open.editor.state(), InstructionsEditor::State::Missing);
        QSignalSpy rendered(&open.editor, &InstructionsEditor::rendered);
        QVERIFY(open.editor.createFromTemplate());
        QCOMPARE(open.editor.state(), InstructionsEditor::State::Open);
        const QString written = QString::fromUtf8(test::readFile(repository.path(kReadme)));
        QVERIFY(written.startsWith(u"# Set up Notion CRM\n"));
        QVERIFY(written.contains(u"[setup page](https://crm.example/setup-notion)"));
        QVERIFY(!open.editor.document()->isModified());
        QVERIFY(rendered.wait(10000));
        QVERIFY(open.editor.diagnostics().empty());
        // Never over an existing file.
        QVERIFY(!open.editor.createFromTemplate());
        QVERIFY(open.editor.document()->lastError().contains(u"already exists"));
    }

    void noPath_offersTheConventionalOne()
    {
        TemporaryRepository repository;
        OpenEditor open(repository, notionCrm(""));
        QCOMPARE(open.editor.state(), InstructionsEditor::State::NoPath);
        QSignalSpy requested(&open.editor, &InstructionsEditor::pathRequested);
        auto *button = open.editor.findChild<QPushButton *>(QStringLiteral("instructionsAction"));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().first().toString(),
                 QStringLiteral("/plugins/instructions/notion-crm/README.md"));
    }

    void preview_followsTheEditorsScrollPosition()
    {
        TemporaryRepository repository;
        QByteArray markdown;
        for (int i = 1; i <= 80; ++i)
            markdown += "Paragraph " + QByteArray::number(i) + " of the setup steps.\n\n";
        markdown += "## Troubleshooting\n\n";
        for (int i = 1; i <= 60; ++i)
            markdown += "Afterword " + QByteArray::number(i) + ".\n\n";
        repository.write(kReadme, markdown);
        OpenEditor open(repository);
        QVERIFY(open.ready);
        QCOMPARE(open.editor.preview()->verticalScrollBar()->value(), 0);

        open.editor.editor()->setTopSourceLine(161); // the heading
        QCOMPARE(open.editor.editor()->topSourceLine(), 161);
        const QTextBlock heading =
            open.editor.preview()->document()->find(QStringLiteral("Troubleshooting")).block();
        const int top = int(
            open.editor.preview()->document()->documentLayout()->blockBoundingRect(heading).top());
        QScrollBar *bar = open.editor.preview()->verticalScrollBar();
        const int margin = int(open.editor.preview()->document()->documentMargin());
        QTRY_COMPARE(bar->value(), std::min(top - margin, bar->maximum()));

        open.editor.editor()->setTopSourceLine(1);
        QTRY_COMPARE(bar->value(), 0);
    }

    void remoteImages_notFetchedUntilAllowed()
    {
        LoopbackServer server;
        QVERIFY(server.isListening());
        server.setRoute("/shot.png", LoopbackServer::Behaviour::text(200, test::encodedPng(30, 10))
                                         .withHeader("Content-Type", "image/png"));
        TemporaryRepository repository;
        const QString url = server.url("/shot.png");
        repository.write(kReadme, "![shot](" + url.toUtf8() + ")\n");
        OpenEditor open(repository);
        QVERIFY(open.ready);
        QVERIFY(!open.editor.remoteImagesAllowed());
        QVERIFY(open.editor.preview()->toPlainText().contains(u"remote image not loaded: " + url));
        QCOMPARE(open.editor.remoteImages()->fetchesStarted(), 0);
        QCOMPARE(server.requestCount(), 0);

        open.editor.setRemoteImagesAllowed(true);
        QVERIFY(server.waitForRequests(1));
        QTRY_VERIFY(open.editor.preview()->hasImage(url));
        QCOMPARE(open.editor.remoteImages()->fetchesStarted(), 1);
        QVERIFY(!open.editor.preview()->toPlainText().contains(u"remote image not loaded"));
    }

    void uid_isConfigurable()
    {
        TemporaryRepository repository;
        repository.write(kReadme, "[Connect](https://crm.example/setup)\n");
        OpenEditor open(repository);
        QVERIFY(open.ready);
        open.editor.setUid(QStringLiteral("test-user-7"));
        QTRY_VERIFY(open.editor.preview()->toPlainText().contains(u"Connect?uid=test-user-7"));
        QCOMPARE(open.editor.findChild<QLineEdit *>(QStringLiteral("uidEdit"))->text(),
                 QStringLiteral("test-user-7"));
    }
};

QTEST_MAIN(InstructionsEditorTest)
#include "tst_instructionseditor.moc"
