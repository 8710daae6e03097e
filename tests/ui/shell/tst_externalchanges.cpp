#include "SampleWindow.h"
#include "SaveAndWait.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "document/Autosave.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/RepositoryWatcher.h"
#include "document/ValidationScheduler.h"
#include "editor/DiagnosticMarks.h"
#include "editor/JsonEditor.h"
#include "form/ManifestForm.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/MarkdownEditor.h"
#include "logo/ImageInspector.h"
#include "logo/LogoImportDialog.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "shell/ExternalChangeHandler.h"
#include "shell/ExternalChangePrompt.h"
#include "shell/MainWindow.h"
#include "shell/SessionController.h"
#include "shell/StatusMessages.h"
#include "shell/StatusPanel.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace studio;

// The window following files that change on disk, by its own tools or by other programs
// (plain writes from the test stand for an editor or git checkout).
class ExternalChangesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QVERIFY(m_sample.open());
        m_window = m_sample.window();
        // Validation has looked at the entry's files: the watcher follows them.
        QTRY_VERIFY_WITH_TIMEOUT(!watcher()->dependencies().isEmpty(), 5000);
    }

    void cleanup()
    {
        m_window = nullptr;
        m_sample.close();
    }

    void missingImage_writtenByAnotherProgram_leavesEveryView()
    {
        const QString logo = file("plugins/logos/socratic-coach.png");
        QVERIFY(QFile::remove(logo));
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT((row = problemRow("PS151")) >= 0, 5000);
        m_window->problemsView()->activateRow(row);
        QVERIFY(statusText().contains(u"does not exist"));
        const QString countsWithProblem = m_window->statusPanel()->countsText();
        QCOMPARE(m_window->form()->markAt("/image"), std::optional(Severity::Error));
        QVERIFY(m_window->imageInspector()->diagnosticsText().contains(u"PS151"));

        QImage picture(512, 512, QImage::Format_ARGB32);
        picture.fill(Qt::darkCyan);
        QVERIFY(picture.save(logo, "PNG"));
        QTRY_COMPARE_WITH_TIMEOUT(problemRow("PS151"), -1, 5000);
        QVERIFY(!statusText().contains(u"does not exist"));
        QVERIFY(m_window->statusPanel()->countsText() != countsWithProblem);
        QCOMPARE(m_window->form()->markAt("/image"), std::nullopt);
        QVERIFY(!m_window->imageInspector()->diagnosticsText().contains(u"PS151"));
        const std::size_t image = document()->text().find("/plugins/logos/");
        QVERIFY(!m_window->marks()->messagesAt(image).contains(u"does not exist"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->imageInspector()->factsText().contains(u"512 x 512 px"),
                                 5000);
    }

    void importLogo_clearsTheMissingImageProblem()
    {
        QVERIFY(QFile::remove(file("plugins/logos/socratic-coach.png")));
        QTRY_VERIFY_WITH_TIMEOUT(problemRow("PS151") >= 0, 5000);
        QImage picture(600, 600, QImage::Format_RGB32);
        picture.fill(Qt::darkMagenta);
        const QString source = file("photo.png");
        QVERIFY(picture.save(source));
        test::whenModalShown([](QWidget *modal) {
            auto *dialog = qobject_cast<LogoImportDialog *>(modal);
            QPushButton *save =
                dialog ? dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)
                       : nullptr;
            if (!save || !save->isEnabled())
                return false;
            save->click();
            return true;
        });
        m_window->importLogo(source);
        QTRY_COMPARE_WITH_TIMEOUT(problemRow("PS151"), -1, 5000);
        QVERIFY(!m_window->imageInspector()->diagnosticsText().contains(u"PS151"));
    }

    void creatingTheReadme_clearsItsProblem_andOpensIt()
    {
        QVERIFY(QFile::remove(file("plugins/instructions/meeting-notes/README.md")));
        openMeetingNotes();
        InstructionsEditor *instructions = m_window->instructions();
        QTRY_VERIFY_WITH_TIMEOUT(problemRow("PS161") >= 0, 5000);
        QCOMPARE(instructions->state(), InstructionsEditor::State::Missing);

        test::answerNextMessageBox(QMessageBox::Yes);
        instructions->findChild<QPushButton *>(QStringLiteral("instructionsAction"))->click();
        QCOMPARE(instructions->state(), InstructionsEditor::State::Open);
        QTRY_COMPARE_WITH_TIMEOUT(problemRow("PS161"), -1, 5000);
    }

    void readmeWrittenByAnotherProgram_opensInTheEditor()
    {
        const QString readme = file("plugins/instructions/meeting-notes/README.md");
        const QByteArray original = test::readFile(readme);
        QVERIFY(QFile::remove(readme));
        openMeetingNotes();
        QTRY_VERIFY_WITH_TIMEOUT(problemRow("PS161") >= 0, 5000);
        test::writeFile(readme, original);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->instructions()->state(),
                                  InstructionsEditor::State::Open, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(problemRow("PS161"), -1, 5000);
    }

    void instructionsImage_deletedAndRestored_followsInTheProblems()
    {
        const QString asset = file("plugins/instructions/meeting-notes/assets/connect.png");
        const QByteArray bytes = test::readFile(asset);
        openMeetingNotes();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->instructions()->state(),
                                  InstructionsEditor::State::Open, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(watcher()->dependencies().contains(asset), 5000);
        QVERIFY(QFile::remove(asset));
        QTRY_VERIFY_WITH_TIMEOUT(problemRow("PS203") >= 0, 5000);
        test::writeFile(asset, bytes);
        QTRY_COMPARE_WITH_TIMEOUT(problemRow("PS203"), -1, 5000);
    }

    void indexChangedOnDisk_withoutEdits_reloadsInPlace()
    {
        const std::size_t end = document()->text().size() - 2;
        editor()->setCursorOffset(end);
        writeIndexReplacing("\"Socratic Coach\"", "\"Socratic Coach Pro\"");
        QTRY_COMPARE_WITH_TIMEOUT(document()->manifest().name, std::string("Socratic Coach Pro"),
                                  5000);
        QVERIFY(!document()->isModified());
        QVERIFY(!m_window->isWindowModified());
        QCOMPARE(editor()->bytes().toStdString(), document()->text());
        QCOMPARE(editor()->cursorOffset(), end + 4); // the caret stays on its text
        QVERIFY(statusText().contains(u"Reloaded"));
        document()->undoStack()->undo(); // the reload is one step, like any other
        QCOMPARE(document()->manifest().name, std::string("Socratic Coach"));
    }

    void indexChangedOnDisk_withEdits_asks_andReloadTakesTheDisksVersion()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/author", "@mine")});
        QString question;
        QString details;
        test::whenModalShown([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box || box->objectName() != QLatin1String(ExternalChangePrompt::kObjectName))
                return false;
            question = box->text();
            details = box->detailedText();
            box->findChild<QPushButton *>(QStringLiteral("reloadFromDisk"))->click();
            return true;
        });
        writeIndexReplacing("\"Socratic Coach\"", "\"Socratic Coach Pro\"");
        QTRY_COMPARE_WITH_TIMEOUT(document()->manifest().name, std::string("Socratic Coach Pro"),
                                  5000);
        QVERIFY(question.contains(u"socratic-coach"));
        QVERIFY(question.contains(u"community-plugins.json"));
        QVERIFY(details.contains(u"+  \"name\": \"Socratic Coach Pro\""));
        QVERIFY(details.contains(u"-  \"author\": \"@mine\""));
        QVERIFY(document()->manifest().author != "@mine");
        QVERIFY(!document()->isModified());
    }

    void indexChangedOnDisk_withEdits_keepingThemSavesThemOverIt()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/author", "@mine")});
        test::answerNextMessageBox(ExternalChangePrompt::keepButtonText());
        writeIndexReplacing("\"Socratic Coach\"", "\"Socratic Coach Pro\"");
        QTRY_VERIFY_WITH_TIMEOUT(
            messages()->has(QLatin1String(ExternalChangeHandler::kManifestKept)), 5000);
        QCOMPARE(document()->manifest().author, std::string("@mine"));
        QCOMPARE(document()->manifest().name, std::string("Socratic Coach"));
        QVERIFY(document()->isModified());
        QVERIFY(statusText().contains(u"kept"));

        QVERIFY(test::saveAndWait(*m_window->session()).isEmpty());
        QVERIFY(test::readFile(indexPath()).contains("\"author\": \"@mine\""));
        QVERIFY(!messages()->has(QLatin1String(ExternalChangeHandler::kManifestKept)));
    }

    void changeWhileAnotherDialogIsOpen_isAskedOnceItCloses()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/author", "@mine")});
        QSignalSpy changed(m_window->session(), &DocumentSession::changedOnDisk);
        QDialog other(m_window);
        bool askedOverIt = true;
        QTimer::singleShot(0, &other, [&] {
            writeIndexReplacing("\"Socratic Coach\"", "\"Socratic Coach Pro\"");
            QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
            askedOverIt = QApplication::activeModalWidget() != &other;
            other.accept();
        });
        other.exec();
        QVERIFY(!askedOverIt);
        test::answerNextMessageBox(ExternalChangePrompt::reloadButtonText());
        QTRY_COMPARE_WITH_TIMEOUT(document()->manifest().name, std::string("Socratic Coach Pro"),
                                  5000);
    }

    void deletedManifest_keepsItsText_andSaysSo_untilSaved()
    {
        const QString draft = file("drafts/draft.json");
        test::writeFile(draft, "{\n  \"id\": \"draft\",\n  \"name\": \"Draft\"\n}\n");
        m_window->controller()->openPath(draft);
        QCOMPARE(m_window->session()->source().filePath, QFileInfo(draft).absoluteFilePath());
        const std::string text = document()->text();
        QTRY_VERIFY_WITH_TIMEOUT(watcher()->documents().contains(draft), 5000);

        QVERIFY(QFile::remove(draft));
        QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(u"draft.json was deleted on disk"), 5000);
        QCOMPARE(document()->text(), text);
        QCOMPARE(editor()->bytes().toStdString(), text);
        QVERIFY(m_window->isWindowModified());
        // The text is only in the studio now: a crash must not lose it.
        const QString record =
            m_window->recovery()->recordPath(m_window->session()->source().identity());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(record), 5000);

        QVERIFY(test::saveAndWait(*m_window->session()).isEmpty());
        QCOMPARE(test::readFile(draft).toStdString(), text);
        QVERIFY(!messages()->has(QLatin1String(ExternalChangeHandler::kManifestMissing)));
    }

    void instructionsChangedOnDisk_withoutEdits_reloadsInPlace()
    {
        InstructionsEditor *instructions = openInstructions();
        const QString readme = instructions->document()->filePath();
        MarkdownEditor *markdown = instructions->editor();
        markdown->setCursorPosition(4, 0);
        QByteArray bytes = test::readFile(readme);
        bytes.replace("# Meeting Notes", "# Meeting Notes, Filed");
        test::writeFile(readme, bytes);
        QTRY_COMPARE_WITH_TIMEOUT(markdown->bytes(), bytes, 5000);
        QVERIFY(!instructions->document()->isModified());
        int line = 0;
        int index = 0;
        markdown->getCursorPosition(&line, &index);
        QCOMPARE(line, 4);
        // The reload is one step of the instructions' history, which Undo acts on in their tab.
        QCOMPARE(m_window->actions()->action(ActionId::Undo)->text(),
                 QStringLiteral("&Undo Reload from Disk"));
        m_window->actions()->action(ActionId::Undo)->trigger();
        QVERIFY(markdown->bytes().startsWith("# Meeting Notes\n"));
        QVERIFY(instructions->document()->isModified());
    }

    void instructionsChangedOnDisk_withEdits_asks_andKeepingThemKeepsThem()
    {
        InstructionsEditor *instructions = openInstructions();
        const QString readme = instructions->document()->filePath();
        instructions->editor()->append(QStringLiteral("\nMy draft line.\n"));
        QVERIFY(instructions->document()->isModified());
        test::answerNextMessageBox(ExternalChangePrompt::keepButtonText());
        test::writeFile(readme, test::readFile(readme) + "\nTheir line.\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            messages()->has(QLatin1String(ExternalChangeHandler::kInstructionsKept)), 5000);
        QVERIFY(
            QString::fromStdString(instructions->document()->text()).contains(u"My draft line."));
        QVERIFY(!QString::fromStdString(instructions->document()->text()).contains(u"Their line."));
        QVERIFY(instructions->document()->isModified());

        // Asked again after a further change, reloading takes the file's text.
        test::answerNextMessageBox(ExternalChangePrompt::reloadButtonText());
        test::writeFile(readme, test::readFile(readme) + "\nAnother line.\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            QString::fromStdString(instructions->document()->text()).contains(u"Another line."),
            5000);
        QVERIFY(
            !QString::fromStdString(instructions->document()->text()).contains(u"My draft line."));
        QVERIFY(!instructions->document()->isModified());
    }

    void deletedInstructions_keepTheirText_andSaySo()
    {
        InstructionsEditor *instructions = openInstructions();
        const QString readme = instructions->document()->filePath();
        const QString text = QString::fromStdString(instructions->document()->text());
        QVERIFY(QFile::remove(readme));
        QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(u"README.md was deleted on disk"), 5000);
        QCOMPARE(instructions->state(), InstructionsEditor::State::Open);
        QCOMPARE(QString::fromStdString(instructions->document()->text()), text);
        QVERIFY(instructions->document()->isModified());
        QVERIFY(m_window->tabs()->tabText(1).endsWith(u'*'));
        QVERIFY(instructions->document()->save());
        QVERIFY(QFile::exists(readme));
        QTRY_VERIFY_WITH_TIMEOUT(
            !messages()->has(QLatin1String(ExternalChangeHandler::kInstructionsMissing)), 5000);
    }

    void aBurstOfFiftyChanges_revalidatesABoundedNumberOfTimes()
    {
        ValidationScheduler *validation = m_window->session()->validation();
        QTRY_VERIFY_WITH_TIMEOUT(!validation->isRunning(), 5000);
        const int before = validation->runCount();
        QSignalSpy settled(watcher(), &RepositoryWatcher::dependenciesChanged);
        // A checkout writing the logos folder the entry's image is in, one file after the
        // other, the window noticing each.
        const QString logo = file("plugins/logos/socratic-coach.png");
        const QByteArray bytes = test::readFile(logo);
        for (int i = 0; i < 50; ++i) {
            if (i % 2 == 0)
                test::writeFile(file("plugins/logos/other-%1.png").arg(i), "not really a png");
            else
                test::writeFile(logo, bytes);
            QCoreApplication::processEvents();
        }
        QTRY_VERIFY_WITH_TIMEOUT(settled.count() >= 1, 5000);
        QVERIFY(!settled.wait(1000)); // quiet again
        QTRY_VERIFY_WITH_TIMEOUT(!validation->isRunning(), 5000);
        const int runs = validation->runCount() - before;
        QVERIFY2(runs >= 1 && runs <= 3, qPrintable(QString::number(runs)));
    }

private:
    ManifestDocument *document() const { return m_window->session()->document(); }
    JsonEditor *editor() const { return m_window->editor(); }
    RepositoryWatcher *watcher() const { return m_window->externalChanges()->watcher(); }
    StatusMessages *messages() const { return m_window->statusPanel()->messages(); }
    QString statusText() const { return messages()->currentText(); }
    QString file(const char *relative) const
    {
        return QDir(m_sample.root()).filePath(QString::fromUtf8(relative));
    }
    QString indexPath() const { return file("community-plugins.json"); }
    void writeIndexReplacing(const QByteArray &from, const QByteArray &to) const
    {
        QByteArray index = test::readFile(indexPath());
        QVERIFY(index.contains(from));
        index.replace(from, to);
        test::writeFile(indexPath(), index);
    }
    void openMeetingNotes()
    {
        m_window->controller()->chooseEntry(1);
        QCOMPARE(document()->manifest().id, std::string("meeting-notes"));
    }
    InstructionsEditor *openInstructions()
    {
        openMeetingNotes();
        InstructionsEditor *instructions = m_window->instructions();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(instructions->state(), InstructionsEditor::State::Open, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(
                watcher()->documents().contains(instructions->document()->filePath()), 5000);
        }();
        m_window->tabs()->setCurrentWidget(instructions);
        return instructions;
    }
    const ProblemsModel *problems() const
    {
        return qobject_cast<const ProblemsModel *>(m_window->problemsView()->table()->model());
    }
    int problemRow(const char *code) const
    {
        for (int row = 0; row < problems()->rowCount(); ++row) {
            if (problems()->diagnostic(row)->code() == code)
                return row;
        }
        return -1;
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    test::SampleWindow m_sample;
    MainWindow *m_window = nullptr;
};

QTEST_MAIN(ExternalChangesTest)
#include "tst_externalchanges.moc"
