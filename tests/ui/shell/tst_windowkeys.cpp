#include "SampleWindow.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "actions/ShortcutsDialog.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "editor/FindBar.h"
#include "editor/JsonEditor.h"
#include "form/ManifestForm.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/MarkdownEditor.h"
#include "problems/ProblemsView.h"
#include "project/EntryPicker.h"
#include "shell/AboutDialog.h"
#include "shell/MainWindow.h"
#include "shell/SessionController.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace studio;

// The window's keys, pressed where the user's focus is.
class WindowKeysTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QVERIFY(m_sample.open());
        m_window = m_sample.window();
    }

    void cleanup()
    {
        m_window = nullptr;
        m_sample.close();
    }

    // Under the X11 key scheme a line edit claims Ctrl+E ("end of line") before any
    // shortcut sees it; the offscreen platform uses another scheme, so the field here claims
    // it the same way.
    void exportKey_reachesItsActionFromAFieldThatClaimsIt()
    {
        QLineEdit *name = nameField();
        ClaimsKey claimsCtrlE(QKeyCombination(Qt::ControlModifier, Qt::Key_E));
        name->installEventFilter(&claimsCtrlE);
        bool shown = false;
        test::whenModalShown([&shown](QWidget *dialog) {
            if (dialog->objectName() != u"exportDialog")
                return false;
            shown = true;
            dialog->close();
            return true;
        });
        name->setFocus();
        QTest::keyClick(name, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(shown); // at once, or once the entry's validation is done
    }

    // Editing keys stay with the field that claims them: the window does not take Ctrl+C.
    void editingKeys_stayWithTheField()
    {
        QLineEdit *name = nameField();
        ClaimsKey claimsCopy(QKeyCombination(Qt::ControlModifier, Qt::Key_C));
        name->installEventFilter(&claimsCopy);
        QSignalSpy copied(m_window->actions()->action(ActionId::Copy), &QAction::triggered);
        name->setFocus();
        QTest::keyClick(name, Qt::Key_C, Qt::ControlModifier);
        QVERIFY(claimsCopy.asked);
        QCOMPARE(copied.count(), 0);
    }

    void redoKeys_ctrlYAndCtrlShiftZ_fromTheFormAndTheText()
    {
        QLineEdit *name = nameField();
        name->setFocus();
        name->end(false);
        QTest::keyClicks(name, QStringLiteral("XY"));
        QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic Coach"));
        QTest::keyClick(name, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic CoachXY"));

        auto *description =
            qobject_cast<QPlainTextEdit *>(m_window->form()->fieldWidget("/description"));
        QVERIFY(description);
        description->setFocus();
        QTest::keyClick(description, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic Coach"));
        QTest::keyClick(description, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic CoachXY"));

        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic Coach"));
        QTest::keyClick(editor(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic CoachXY"));
        QTest::keyClick(editor(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(editor(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(name->text(), QStringLiteral("Socratic CoachXY"));
    }

    // In the instructions' tab the same keys undo and redo the instructions, not the
    // manifest: each document keeps its own history.
    void undoKeys_inTheInstructionsTab_actOnTheInstructions()
    {
        m_window->controller()->chooseEntry(1); // meeting-notes has instructions
        InstructionsEditor *instructions = m_window->instructions();
        QTRY_COMPARE_WITH_TIMEOUT(instructions->state(), InstructionsEditor::State::Open, 5000);
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Notes Edited")});
        m_window->tabs()->setCurrentWidget(instructions);
        MarkdownEditor *markdown = instructions->editor();
        markdown->setFocus();
        const std::string before = instructions->document()->text();
        markdown->SendScintilla(QsciScintillaBase::SCI_DOCUMENTEND);
        QTest::keyClicks(markdown, QStringLiteral("Typed"));
        QCOMPARE(instructions->document()->text(), before + "Typed");
        QTest::keyClick(markdown, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(instructions->document()->text(), before);
        QCOMPARE(document()->manifest().name, std::string("Notes Edited"));
        QTest::keyClick(markdown, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(markdown->bytes().toStdString(), before + "Typed");

        m_window->tabs()->setCurrentIndex(0);
        action(ActionId::Undo)->trigger();
        QVERIFY(document()->manifest().name != "Notes Edited");
        QCOMPARE(instructions->document()->text(), before + "Typed");
    }

    void editMenu_cutCopyPaste_actOnTheFocusedFieldOrEditor()
    {
        QMenu *edit = menu(u"&Edit");
        QVERIFY(edit);
        for (const ActionId id : {ActionId::Cut, ActionId::Copy, ActionId::Paste})
            QVERIFY(edit->actions().contains(action(id)));

        QLineEdit *name = nameField();
        name->setFocus();
        name->setSelection(0, 8); // "Socratic"
        action(ActionId::Copy)->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Socratic"));
        action(ActionId::Cut)->trigger();
        QCOMPARE(document()->manifest().name, std::string(" Coach"));

        // Pasted into the JSON text at the start of the name's value.
        editor()->setFocus();
        QVERIFY(action(ActionId::Paste)->isEnabled());
        editor()->setCursorOffset(document()->text().find("\" Coach\"") + 1);
        action(ActionId::Paste)->trigger();
        QCOMPARE(document()->manifest().name, std::string("Socratic Coach"));

        // Nothing to paste into: the problems list.
        m_window->problemsView()->table()->setFocus();
        QVERIFY(!action(ActionId::Paste)->isEnabled());
    }

    void replaceAll_changesEveryMatch_inOneUndoStep()
    {
        const std::string original = document()->text();
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_H, Qt::ControlModifier);
        FindBar *bar = m_window->findChild<FindBar *>();
        QVERIFY(bar && bar->isVisible());
        QVERIFY(bar->replaceField()->isVisible());
        QTest::keyClicks(bar->field(), QStringLiteral("socratic"));
        QTest::keyClicks(bar->replaceField(), QStringLiteral("Sage"));
        const int steps = document()->undoStack()->count();
        QTest::mouseClick(bar->replaceAllButton(), Qt::LeftButton);
        QVERIFY(document()->text().find("ocratic") == std::string::npos);
        QCOMPARE(document()->manifest().name, std::string("Sage Coach"));
        QCOMPARE(document()->manifest().id, std::string("Sage-coach"));
        QCOMPARE(editor()->bytes().toStdString(), document()->text());
        QCOMPARE(document()->undoStack()->count(), steps + 1);
        QCOMPARE(action(ActionId::Undo)->text(), QStringLiteral("&Undo Replace All"));
        action(ActionId::Undo)->trigger();
        QCOMPARE(document()->text(), original);
        QCOMPARE(editor()->bytes().toStdString(), original);
    }

    void replace_changesTheMatchAtTheCaret_thenSelectsTheNext()
    {
        editor()->setFocus();
        editor()->setCursorOffset(0);
        action(ActionId::Replace)->trigger();
        FindBar *bar = m_window->findChild<FindBar *>();
        QTest::keyClicks(bar->field(), QStringLiteral("Coach"));
        bar->replaceField()->setFocus();
        QTest::keyClicks(bar->replaceField(), QStringLiteral("Tutor"));
        const std::string before = document()->text();
        QString lower = QString::fromStdString(before).toLower();
        const std::size_t first = lower.toStdString().find("coach");
        const std::size_t second = lower.toStdString().find("coach", first + 1);
        // Typing the text to find selected the first match; Return replaces it.
        QCOMPARE(editor()->selectedSpan().begin, first);
        QTest::keyClick(bar->replaceField(), Qt::Key_Return);
        QCOMPARE(document()->text().substr(first, 5), std::string("Tutor"));
        QCOMPARE(editor()->bytes().toStdString(), document()->text());
        QVERIFY(second != std::string::npos);
        QCOMPARE(editor()->selectedSpan().begin, second); // same length: offsets hold
        action(ActionId::Undo)->trigger();
        QCOMPARE(document()->text(), before);
    }

    // Help > About opens the build's dialog, with its libraries, over the window.
    void about_opensFromTheHelpMenu()
    {
        QMenu *help = menu(u"&Help");
        QVERIFY(help && help->actions().contains(action(ActionId::About)));
        bool shown = false;
        test::whenModalShown([&](QWidget *modal) {
            auto *dialog = qobject_cast<AboutDialog *>(modal);
            if (!dialog)
                return false;
            shown = dialog->parentWidget() == m_window &&
                    dialog->findChild<QTableWidget *>(QStringLiteral("libraries"))->rowCount() ==
                        AboutDialog::libraries().size();
            dialog->reject();
            return true;
        });
        action(ActionId::About)->trigger();
        QVERIFY(shown);
    }

    // The list is made from the registry: every action, with exactly its keys.
    void shortcutsList_showsEveryActionWithItsKeys()
    {
        QMenu *help = menu(u"&Help");
        QVERIFY(help && help->actions().contains(action(ActionId::KeyboardShortcuts)));
        QStringList rows;
        int actionRows = 0;
        test::whenModalShown([&](QWidget *modal) {
            auto *dialog = qobject_cast<ShortcutsDialog *>(modal);
            if (!dialog)
                return false;
            QTreeWidget *tree = dialog->tree();
            QStringList sections;
            for (int s = 0; s < tree->topLevelItemCount(); ++s)
                sections << tree->topLevelItem(s)->text(0);
            rows << QStringLiteral("sections=%1").arg(sections.removeDuplicates());
            for (int s = 0; s < tree->topLevelItemCount(); ++s) {
                for (int i = 0; i < tree->topLevelItem(s)->childCount(); ++i) {
                    const QTreeWidgetItem *item = tree->topLevelItem(s)->child(i);
                    rows << item->text(0) + u'=' + item->text(1);
                    ++actionRows;
                }
            }
            // Filtering by a key leaves the actions it belongs to: F8 and Shift+F8.
            QTest::keyClicks(dialog->filterField(), QStringLiteral("F8"));
            int visible = 0;
            for (int s = 0; s < tree->topLevelItemCount(); ++s)
                for (int i = 0; i < tree->topLevelItem(s)->childCount(); ++i)
                    visible += tree->topLevelItem(s)->child(i)->isHidden() ? 0 : 1;
            rows << QStringLiteral("visible=%1").arg(visible);
            dialog->reject();
            return true;
        });
        QTest::keyClick(nameField(), Qt::Key_F1);
        const auto &listing = m_window->actions()->listing();
        QCOMPARE(actionRows, int(listing.size()));
        QVERIFY2(rows.contains(QStringLiteral("Export Submission=Ctrl+E")),
                 qPrintable(rows.join(u'\n')));
        const QString redo = rows.filter(QRegularExpression(QStringLiteral("^Redo="))).value(0);
        QVERIFY2(redo.contains(u"Ctrl+Y") && redo.contains(u"Z"), qPrintable(redo));
        QVERIFY(rows.contains(QStringLiteral("Replace=Ctrl+H")));
        QVERIFY(rows.contains(QStringLiteral("Save All=Ctrl+Alt+S")));
        QVERIFY(rows.contains(QStringLiteral("visible=2")));
        QVERIFY(rows.contains(QStringLiteral("sections=0"))); // each menu is one group
        for (const auto &listed : listing) {
            const QAction *a = m_window->actions()->action(listed.id);
            QStringList keys;
            for (const QKeySequence &key : a->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            QVERIFY2(rows.contains(a->iconText() + u'=' + keys.join(QStringLiteral(", "))),
                     qPrintable(a->iconText()));
        }
    }

    // Save in either tab saves the plugin: the manifest and its instructions.
    void save_inTheInstructionsTab_savesManifestAndInstructions()
    {
        m_window->controller()->chooseEntry(1); // meeting-notes has instructions
        InstructionsEditor *instructions = m_window->instructions();
        QTRY_COMPARE_WITH_TIMEOUT(instructions->state(), InstructionsEditor::State::Open, 5000);
        QVERIFY(!action(ActionId::SaveAll)->isEnabled());
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Notes Saved Together")});
        QVERIFY(!action(ActionId::SaveAll)->isEnabled()); // one file changed
        m_window->tabs()->setCurrentWidget(instructions);
        MarkdownEditor *markdown = instructions->editor();
        markdown->setFocus();
        markdown->append(QStringLiteral("\nOne more line.\n"));
        QVERIFY(action(ActionId::SaveAll)->isEnabled());

        QTest::keyClick(markdown, Qt::Key_S, Qt::ControlModifier);
        // The instructions once the manifest is written (off the GUI thread).
        QTRY_VERIFY_WITH_TIMEOUT(!instructions->document()->isModified(), 5000);
        QVERIFY(!document()->isModified());
        QVERIFY(test::readFile(instructions->document()->filePath()).endsWith("One more line.\n"));
        QVERIFY(test::readFile(indexPath()).contains("\"Notes Saved Together\""));
        QVERIFY(!action(ActionId::SaveAll)->isEnabled());
    }

    void saveAll_savesEveryChangedFile()
    {
        m_window->controller()->chooseEntry(1);
        InstructionsEditor *instructions = m_window->instructions();
        QTRY_COMPARE_WITH_TIMEOUT(instructions->state(), InstructionsEditor::State::Open, 5000);
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "All Saved")});
        instructions->editor()->append(QStringLiteral("\nAll of it.\n"));
        nameField()->setFocus();
        QTest::keyClick(nameField(), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
        // The instructions once the manifest is written (off the GUI thread).
        QTRY_VERIFY_WITH_TIMEOUT(!instructions->document()->isModified(), 5000);
        QVERIFY(!document()->isModified());
        QVERIFY(test::readFile(instructions->document()->filePath()).endsWith("All of it.\n"));
        QVERIFY(test::readFile(indexPath()).contains("\"All Saved\""));
    }

    void cancelledSwitch_leavesOnlyTheOpenEntryHighlighted()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Edited")});
        QListView *list = m_window->entryPicker()->list();
        const QRect first = list->visualRect(list->model()->index(0, 0));
        const QRect third = list->visualRect(list->model()->index(2, 0));
        const QRect second = list->visualRect(list->model()->index(1, 0));
        test::answerNextMessageBox(QMessageBox::Cancel);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, third.center());
        QCOMPARE(document()->manifest().id, std::string("socratic-coach"));
        QCOMPARE(list->selectionModel()->selectedIndexes().size(), 1);
        QCOMPARE(list->currentIndex().row(), 0);
        // What the screen shows: the window's backing store, once it has repainted.
        const auto background = [&](const QRect &row) {
            const QImage shown = m_window->screen()->grabWindow(m_window->winId()).toImage();
            const QPoint inWindow =
                list->viewport()->mapTo(m_window, QPoint(row.left() + 2, row.top() + 2));
            return shown.pixelColor(inWindow * shown.devicePixelRatio());
        };
        QTRY_COMPARE(background(third), background(second));
        QVERIFY(background(first) != background(second));
    }

private:
    // Claims one key as a text field claims its own bindings.
    struct ClaimsKey : QObject
    {
        explicit ClaimsKey(QKeyCombination claimed)
            : key(claimed)
        {}
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::ShortcutOverride &&
                static_cast<QKeyEvent *>(event)->keyCombination() == key) {
                asked = true;
                event->accept();
                return true;
            }
            return false;
        }
        QKeyCombination key;
        bool asked = false;
    };

    ManifestDocument *document() const { return m_window->session()->document(); }
    JsonEditor *editor() const { return m_window->editor(); }
    QAction *action(ActionId id) const { return m_window->actions()->action(id); }
    QString indexPath() const
    {
        return QDir(m_sample.root()).filePath(QStringLiteral("community-plugins.json"));
    }
    QMenu *menu(QStringView title) const
    {
        for (QAction *item : m_window->menuBar()->actions()) {
            if (item->text() == title)
                return item->menu();
        }
        return nullptr;
    }
    QLineEdit *nameField() const
    {
        return qobject_cast<QLineEdit *>(m_window->form()->fieldWidget("/name"));
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    test::SampleWindow m_sample;
    MainWindow *m_window = nullptr;
};

QTEST_MAIN(WindowKeysTest)
#include "tst_windowkeys.moc"
