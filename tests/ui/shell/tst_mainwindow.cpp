#include "TestFiles.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "edit/IndexEntries.h"
#include "editor/JsonEditor.h"
#include "form/ManifestForm.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/MarkdownEditor.h"
#include "logo/ImageInspector.h"
#include "logo/LogoImportDialog.h"
#include "preview/PluginListTile.h"
#include "preview/StorePreview.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "project/EntryPicker.h"
#include "shell/MainWindow.h"
#include "shell/SessionController.h"
#include "shell/StatusPanel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QImageReader>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace studio;

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QSettings().clear();
        m_repository = std::make_unique<QTemporaryDir>();
        test::copySampleRepository(m_repository->path());
        m_indexPath = m_repository->filePath(QStringLiteral("community-plugins.json"));
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->session()->openRepository(m_repository->path()).isEmpty());
        QVERIFY(test::showActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_repository.reset();
    }

    void typingInTheForm_showsInTheText()
    {
        QLineEdit *name = nameField();
        name->setFocus();
        name->end(false);
        QTest::keyClicks(name, QStringLiteral(" Pro"));
        QCOMPARE(document()->manifest().name, std::string("Socratic Coach Pro"));
        QCOMPARE(editor()->bytes().toStdString(), document()->text());
        QVERIFY(editor()->bytes().contains("\"name\": \"Socratic Coach Pro\""));
        QCOMPARE(name->cursorPosition(), name->text().size());
    }

    void typingInTheText_showsInTheForm()
    {
        const std::size_t end = document()->text().find("Coach\"") + 5;
        editor()->setFocus();
        editor()->setCursorOffset(end);
        QTest::keyClicks(editor(), QStringLiteral("!?"));
        QCOMPARE(nameField()->text(), QStringLiteral("Socratic Coach!?"));
        QCOMPARE(editor()->cursorOffset(), end + 2);
    }

    void undoAndRedo_workTheSameFromEitherView()
    {
        const std::string original = document()->text();
        QLineEdit *name = nameField();
        name->setFocus();
        name->end(false);
        QTest::keyClicks(name, QStringLiteral("XY"));
        QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document()->text(), original);
        QCOMPARE(name->text(), QStringLiteral("Socratic Coach"));
        QCOMPARE(editor()->bytes().toStdString(), original);

        QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic CoachXY"));

        // The form's edit, undone from the text view.
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document()->text(), original);
        QCOMPARE(name->text(), QStringLiteral("Socratic Coach"));
        QTest::keyClick(editor(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic CoachXY"));

        // Typing in the text, undone from the form.
        editor()->setCursorOffset(1);
        QTest::keyClicks(editor(), QStringLiteral(" "));
        name->setFocus();
        QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor()->bytes().toStdString(), document()->text());
        QCOMPARE(document()->manifest().name, std::string("Socratic CoachXY"));
        QCOMPARE(document()->text().substr(0, 2), std::string("{\n"));
    }

    void problemActivation_selectsTheExactSpan_andFocusesTheField()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "")});
        const Diagnostic *empty = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((empty = findProblem(RuleId::EmptyText, "/name")) != nullptr,
                                 5000);
        const Diagnostic diagnostic = *empty;
        const int row = rowOf(diagnostic);
        auto *table = m_window->problemsView()->table();
        table->scrollTo(table->model()->index(row, 1));
        const QRect cell = table->visualRect(table->model()->index(row, 1));
        QVERIFY(table->viewport()->rect().contains(cell.center()));
        // Click the problem, then Return, as a keyboard user activates it.
        QSignalSpy activated(m_window->problemsView(), &ProblemsView::diagnosticActivated);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(editor()->selectedSpan().begin, diagnostic.span.begin);
        QCOMPARE(editor()->selectedSpan().end, diagnostic.span.end);
        QCOMPARE(editor()->selectedText(), QStringLiteral("\"\""));
        QCOMPARE(QApplication::focusWidget(), nameField());
    }

    void nextProblemKey_goesToTheFirstProblem()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/author", "")});
        QTRY_VERIFY_WITH_TIMEOUT(findProblem(RuleId::EmptyText, "/author") != nullptr, 5000);
        const Diagnostic first =
            *m_window->session()->validation()->latestReport().diagnostics.begin();
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        QCOMPARE(editor()->selectedSpan(), first.span);
    }

    void save_insideTheIndex_changesOnlyThatEntrysBytes()
    {
        const std::string before = test::readFile(m_indexPath).toStdString();
        const SourceSpan entry = IndexEntries::list(before).entries.at(0).span;
        QLineEdit *name = nameField();
        name->setFocus();
        name->end(false);
        QTest::keyClicks(name, QStringLiteral(" 2"));
        QTest::keyClick(name, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!document()->isModified(), 5000); // written on a worker
        const std::string after = test::readFile(m_indexPath).toStdString();
        QCOMPARE(after.substr(0, entry.begin), before.substr(0, entry.begin));
        const std::size_t tail = before.size() - entry.end;
        QCOMPARE(after.substr(after.size() - tail), before.substr(entry.end));
        QCOMPARE(after.substr(entry.begin, after.size() - tail - entry.begin),
                 IndexEntries::reindent(document()->text(), "  "));
        QVERIFY(after.find("\"Socratic Coach 2\"") != std::string::npos);
    }

    void switchingEntries_withUnsavedChanges_asksFirst()
    {
        const QByteArray original = test::readFile(m_indexPath);
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Edited")});

        test::answerNextMessageBox(QMessageBox::Cancel);
        m_window->controller()->chooseEntry(1);
        QCOMPARE(document()->manifest().id, std::string("socratic-coach"));
        QVERIFY(document()->isModified());

        test::answerNextMessageBox(QMessageBox::Discard);
        m_window->controller()->chooseEntry(1);
        QCOMPARE(document()->manifest().id, std::string("meeting-notes"));
        QCOMPARE(test::readFile(m_indexPath), original);

        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Saved Notes")});
        test::answerNextMessageBox(QMessageBox::Save);
        m_window->controller()->chooseEntry(0);
        // The other entry opens once the save is written.
        QTRY_COMPARE_WITH_TIMEOUT(document()->manifest().id, std::string("socratic-coach"), 5000);
        QVERIFY(test::readFile(m_indexPath).contains("\"Saved Notes\""));
    }

    void closing_withUnsavedChanges_canBeCancelled()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Edited")});
        test::answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        test::answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(m_window->close());
    }

    void entryList_opensTheClickedEntry()
    {
        QListView *list = m_window->entryPicker()->list();
        const QModelIndex third = list->model()->index(2, 0);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(third).center());
        QCOMPARE(document()->manifest().id, std::string("live-fact-checker"));
        QCOMPARE(list->currentIndex().row(), 2);
    }

    void importLogo_savesThePng_andOneUndoTakesBackFileAndText()
    {
        const QString logo =
            m_repository->filePath(QStringLiteral("plugins/logos/socratic-coach.png"));
        const QByteArray oldLogo = test::readFile(logo);
        const std::string oldText = document()->text();
        QImage picture(900, 700, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        const QString source = m_repository->filePath(QStringLiteral("photo.png"));
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
        QCOMPARE(QImageReader(logo).size(), QSize(512, 512));
        QCOMPARE(QImageReader(logo).format(), QByteArray("png"));
        QCOMPARE(document()->text(), oldText); // the image path was already the conventional one
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->imageInspector()->factsText().contains(QStringLiteral("512 x 512 px")), 5000);

        QCOMPARE(document()->undoStack()->count(), 1);
        m_window->actions()->action(ActionId::Undo)->trigger();
        QCOMPARE(test::readFile(logo), oldLogo);
        QCOMPARE(document()->text(), oldText);
    }

    void storePreview_followsTheDocument()
    {
        const PluginListTile *tile = m_window->storePreview()->listTile();
        QCOMPARE(tile->name(), QStringLiteral("Socratic Coach"));
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Socratic Coach Pro")});
        QCOMPARE(tile->name(), QStringLiteral("Socratic Coach Pro"));
        test::answerNextMessageBox(QMessageBox::Discard);
        m_window->controller()->chooseEntry(2);
        QCOMPARE(tile->name(), QStringLiteral("Live Fact Checker"));
    }

    // The instructions' own findings join the problems list; activating one opens their tab
    // and selects the link in the markdown.
    void instructionsFindings_areProblems_andActivationOpensTheirTab()
    {
        openMeetingNotes();
        InstructionsEditor *instructions = m_window->instructions();
        QTRY_COMPARE_WITH_TIMEOUT(instructions->state(), InstructionsEditor::State::Open, 5000);
        MarkdownEditor *markdown = instructions->editor();
        markdown->append(QStringLiteral("\n![Step two](assets/step-2.png)\n"));
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT((row = problemRow("PS203")) >= 0, 5000);
        const Diagnostic finding = *problems()->diagnostic(row);
        QCOMPARE(QString::fromStdString(finding.file), instructions->document()->filePath());

        QCOMPARE(m_window->tabs()->currentIndex(), 0);
        m_window->problemsView()->activateRow(row);
        QCOMPARE(m_window->tabs()->currentWidget(), instructions);
        QVERIFY(markdown->selectedText().contains(u"assets/step-2.png"));
    }

    void saveInTheInstructionsTab_savesTheMarkdown()
    {
        openMeetingNotes();
        InstructionsEditor *instructions = m_window->instructions();
        QTRY_COMPARE_WITH_TIMEOUT(instructions->state(), InstructionsEditor::State::Open, 5000);
        m_window->tabs()->setCurrentWidget(instructions);
        instructions->editor()->append(QStringLiteral("\nOne more line.\n"));
        QVERIFY(instructions->document()->isModified());
        QVERIFY(m_window->tabs()->tabText(1).endsWith(u'*'));
        m_window->actions()->action(ActionId::Save)->trigger();
        QVERIFY(!instructions->document()->isModified());
        QVERIFY(test::readFile(instructions->document()->filePath()).endsWith("One more line.\n"));
        QVERIFY(!m_window->tabs()->tabText(1).endsWith(u'*'));
        QVERIFY(!document()->isModified());
    }

    void switchingEntries_withUnsavedInstructions_asksFirst()
    {
        openMeetingNotes();
        InstructionsEditor *instructions = m_window->instructions();
        QTRY_COMPARE_WITH_TIMEOUT(instructions->state(), InstructionsEditor::State::Open, 5000);
        const QByteArray saved = test::readFile(instructions->document()->filePath());
        instructions->editor()->append(QStringLiteral("\nDraft.\n"));

        test::answerNextMessageBox(QMessageBox::Cancel);
        m_window->controller()->chooseEntry(0);
        QCOMPARE(document()->manifest().id, std::string("meeting-notes"));
        QVERIFY(instructions->document()->isModified());

        test::answerNextMessageBox(QMessageBox::Discard);
        m_window->controller()->chooseEntry(0);
        QCOMPARE(document()->manifest().id, std::string("socratic-coach"));
        QVERIFY(!instructions->document()->isModified());
        QCOMPARE(test::readFile(m_repository->filePath(
                     QStringLiteral("plugins/instructions/meeting-notes/README.md"))),
                 saved);
    }

    void exportSubmission_opensTheDialogOnTheEntry()
    {
        QString shownTitle;
        test::whenModalShown([&shownTitle](QWidget *dialog) {
            if (dialog->objectName() != u"exportDialog")
                return false;
            shownTitle = dialog->windowTitle();
            dialog->close();
            return true;
        });
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        // At once, or once the entry's validation is done.
        QTRY_VERIFY2(shownTitle.contains(u"Socratic Coach"), qPrintable(shownTitle));
    }

    void statusBar_showsParseStateCountsAndCaret()
    {
        QCOMPARE(m_window->statusPanel()->parseText(), QStringLiteral("JSON OK"));
        const std::size_t end = document()->text().rfind('}');
        document()->applyTyping({end, "}", {}});
        QVERIFY(m_window->statusPanel()->parseText().startsWith(QStringLiteral("Syntax error")));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->statusPanel()->countsText().startsWith(QStringLiteral("1 error")), 5000);
        editor()->setFocus();
        editor()->setCursorOffset(document()->text().find("\"name\""));
        QTRY_COMPARE(m_window->statusPanel()->cursorText(), QStringLiteral("Ln 3, Col 3"));
    }

private:
    ManifestDocument *document() const { return m_window->session()->document(); }
    JsonEditor *editor() const { return m_window->editor(); }
    QLineEdit *nameField() const
    {
        return qobject_cast<QLineEdit *>(m_window->form()->fieldWidget("/name"));
    }
    void openMeetingNotes()
    {
        m_window->controller()->chooseEntry(1);
        QCOMPARE(document()->manifest().id, std::string("meeting-notes"));
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
    const Diagnostic *findProblem(RuleId rule, const std::string &pointer) const
    {
        for (const auto &diagnostic :
             m_window->session()->validation()->latestReport().diagnostics) {
            if (diagnostic.rule == rule && diagnostic.pointer == pointer)
                return &diagnostic;
        }
        return nullptr;
    }
    int rowOf(const Diagnostic &diagnostic) const
    {
        const auto &all = m_window->session()->validation()->latestReport().diagnostics;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (all[i].rule == diagnostic.rule && all[i].pointer == diagnostic.pointer)
                return static_cast<int>(i);
        }
        return -1;
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<QTemporaryDir> m_repository;
    QString m_indexPath;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
