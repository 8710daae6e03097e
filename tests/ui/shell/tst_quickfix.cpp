#include "SampleWindow.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "document/InstructionsDocument.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "editor/DiagnosticMarks.h"
#include "editor/JsonEditor.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/MarkdownEditor.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "shell/MainWindow.h"
#include "shell/SessionController.h"

#include <QAction>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace studio;

// One-click fixes: from the problems list and from the light bulb in the text's margin,
// each one undoable step.
class QuickFixTest : public QObject
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

    void didYouMean_isFixedFromTheProblemsList()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/capabilities/0", "memorie")});
        const int row = waitForProblem("PS110");
        QVERIFY(row >= 0);
        QToolButton *fix = selectProblem(row);
        QVERIFY(fix->isVisible());
        QCOMPARE(fix->text(), QStringLiteral("Fix: Replace with 'memories'"));
        const int steps = document()->undoStack()->count();
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(document()->manifest().capabilities.at(0), std::string("memories"));
        QCOMPARE(editor()->bytes().toStdString(), document()->text());
        QCOMPARE(document()->undoStack()->count(), steps + 1);
        QTRY_VERIFY_WITH_TIMEOUT(waitForProblem("PS110", 0) < 0, 5000);

        m_window->actions()->action(ActionId::Undo)->trigger();
        QCOMPARE(document()->manifest().capabilities.at(0), std::string("memorie"));
    }

    void ctrlPeriod_inTheProblemsList_appliesTheFix()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/capabilities/1", "Chat")});
        const int row = waitForProblem("PS110");
        QVERIFY(row >= 0);
        QTableView *table = m_window->problemsView()->table();
        table->setFocus();
        table->selectRow(row);
        QTest::keyClick(table, Qt::Key_Period, Qt::ControlModifier);
        QCOMPARE(document()->manifest().capabilities.at(1), std::string("chat"));
    }

    // A missing comma shows a light bulb in the margin; clicking it inserts the comma.
    void missingComma_isFixedFromTheLightBulb()
    {
        const std::string text = document()->text();
        const std::size_t comma = text.find(",\n  \"name\"");
        QVERIFY(comma != std::string::npos);
        document()->applyTyping({comma, ",", {}});
        QVERIFY(!document()->parses());
        QTRY_VERIFY_WITH_TIMEOUT(waitForProblem("PS001", 0) >= 0, 5000);
        // The bulb is on the problem's line: where the next member starts.
        const int line =
            static_cast<int>(editor()->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION,
                                                     static_cast<unsigned long>(comma))) +
            1;
        QTRY_VERIFY(m_window->marks()->fixOnLine(line) != nullptr);

        // A click in the symbol margin, beside the line numbers, on that line.
        const auto lineStart = editor()->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE,
                                                       static_cast<unsigned long>(line));
        const int y = static_cast<int>(editor()->SendScintilla(
                          QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, lineStart)) +
                      editor()->textHeight(line) / 2;
        const int x = editor()->marginWidth(0) + editor()->marginWidth(1) / 2;
        QTest::mouseClick(editor()->viewport(), Qt::LeftButton, {}, QPoint(x, y));
        QCOMPARE(document()->text(), text);
        QVERIFY(document()->parses());
        QCOMPARE(m_window->actions()->action(ActionId::Undo)->text(),
                 QStringLiteral("&Undo Insert the missing comma"));
    }

    void misplacedAuthSteps_moveIntoTheIntegration()
    {
        m_window->controller()->chooseEntry(1); // meeting-notes: an external integration
        const Json steps = document()->manifest().externalIntegration
                               ? document()
                                     ->parse()
                                     .value.at("external_integration")
                                     .value("auth_steps", Json::array())
                               : Json::array();
        document()->edit(QStringLiteral("Edit"),
                         {JsonEdit::remove("/external_integration/auth_steps"),
                          JsonEdit::set("/auth_steps", steps)});
        const int row = waitForProblem("PS183");
        QVERIFY(row >= 0);
        const int before = document()->undoStack()->count();
        m_window->problemsView()->fixRow(row);
        const Json &value = document()->parse().value;
        QVERIFY(!value.contains("auth_steps"));
        QVERIFY(value.at("external_integration").at("auth_steps") == steps);
        QCOMPARE(document()->undoStack()->count(), before + 1);
        QTRY_VERIFY_WITH_TIMEOUT(waitForProblem("PS183", 0) < 0, 5000);
    }

    // A setup-instructions image under a near-miss name: the problems list offers the
    // name of the file that is there, applied to the markdown as one undoable step.
    void instructionsImage_isFixedFromTheProblemsList()
    {
        m_window->controller()->chooseEntry(1); // meeting-notes: assets/connect.png exists
        InstructionsEditor *instructions = m_window->instructions();
        InstructionsDocument *markdown = instructions->document();
        QTRY_COMPARE_WITH_TIMEOUT(markdown->state(), InstructionsDocument::State::Open, 5000);
        m_window->tabs()->setCurrentWidget(instructions);
        const std::string before = markdown->text();
        instructions->editor()->append(QStringLiteral("\n![Connect again](assets/Connect.png)\n"));
        const int row = waitForInstructionsProblem("PS203");
        QVERIFY(row >= 0);
        QToolButton *fix = selectProblem(row);
        QVERIFY(fix->isVisible());
        QCOMPARE(fix->text(), QStringLiteral("Fix: Replace with 'assets/connect.png'"));
        const int steps = markdown->undoStack()->count();
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(markdown->text(), before + "\n![Connect again](assets/connect.png)\n");
        QCOMPARE(instructions->editor()->bytes().toStdString(), markdown->text());
        QCOMPARE(markdown->undoStack()->count(), steps + 1);
        QVERIFY(!document()->isModified()); // the manifest is not touched
        QTRY_VERIFY_WITH_TIMEOUT(waitForInstructionsProblem("PS203", 0) < 0, 5000);

        // The window's Undo, in the instructions' tab, takes the fix back.
        QCOMPARE(m_window->actions()->action(ActionId::Undo)->text(),
                 QStringLiteral("&Undo Replace with 'assets/connect.png'"));
        m_window->actions()->action(ActionId::Undo)->trigger();
        QCOMPARE(markdown->text(), before + "\n![Connect again](assets/Connect.png)\n");
    }

private:
    // The row of the first problem with `code` once the check has run, or -1.
    int waitForProblem(const char *code, int timeoutMs = 5000)
    {
        const auto rowOf = [this, code] {
            if (m_window->session()->validation()->latestRevision() != document()->revision())
                return -2;
            return problemRow(code);
        };
        if (!QTest::qWaitFor([&] { return rowOf() != -2; }, timeoutMs + 5000))
            return -2; // the check never caught up
        return rowOf();
    }
    // Clicks the problem's row; the list's fix button, shown when it has a fix.
    QToolButton *selectProblem(int row)
    {
        QTableView *table = m_window->problemsView()->table();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(row, 1)).center());
        return m_window->problemsView()->fixButton();
    }
    // waitForProblem for the setup instructions' findings, once they describe the current text.
    int waitForInstructionsProblem(const char *code, int timeoutMs = 5000)
    {
        const InstructionsEditor *instructions = m_window->instructions();
        if (!QTest::qWaitFor(
                [&] {
                    return instructions->diagnosticsRevision() ==
                           instructions->document()->revision();
                },
                timeoutMs + 5000))
            return -2;
        return problemRow(code);
    }
    int problemRow(const char *code) const
    {
        const auto *model =
            qobject_cast<const ProblemsModel *>(m_window->problemsView()->table()->model());
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->diagnostic(row)->code() == code)
                return row;
        }
        return -1;
    }
    ManifestDocument *document() const { return m_window->session()->document(); }
    JsonEditor *editor() const { return m_window->editor(); }

    std::unique_ptr<test::IsolatedHome> m_home;
    test::SampleWindow m_sample;
    MainWindow *m_window = nullptr;
};

QTEST_MAIN(QuickFixTest)
#include "tst_quickfix.moc"
