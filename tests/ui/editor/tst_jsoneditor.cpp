#include "UiTestSupport.h"
#include "document/ManifestDocument.h"
#include "editor/DiagnosticMarks.h"
#include "editor/JsonEditor.h"

#include <QStandardPaths>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>
#include <Qsci/qscicommandset.h>

using namespace studio;

namespace {

const std::string kManifest =
    "{\n  \"id\": \"caf\xC3\xA9\",\n  \"name\": \"Notes\",\n  \"deleted\": false\n}\n";

std::size_t offsetAfter(const std::string &text, const std::string &needle)
{
    return text.find(needle) + needle.size();
}

} // namespace

class JsonEditorTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_document = std::make_unique<ManifestDocument>();
        m_document->load(kManifest);
        m_editor = std::make_unique<JsonEditor>();
        m_editor->setDocument(m_document.get());
        m_editor->resize(600, 400);
        QVERIFY(test::showActive(m_editor.get()));
    }

    void cleanup()
    {
        m_editor.reset();
        m_document.reset();
    }

    void load_showsTheDocumentBytes() { QCOMPARE(m_editor->bytes().toStdString(), kManifest); }

    void typing_becomesOneUndoStepOfTheDocument()
    {
        m_editor->setCursorOffset(offsetAfter(kManifest, "\"Notes"));
        QTest::keyClicks(m_editor.get(), QStringLiteral("ab"));
        QTest::sendKeyEvent(QTest::Click, m_editor.get(), Qt::Key_Eacute, QStringLiteral("\u00e9"),
                            Qt::NoModifier);
        QCOMPARE(m_document->manifest().name, std::string("Notesab\xC3\xA9"));
        QCOMPARE(m_editor->bytes().toStdString(), m_document->text());
        QCOMPARE(m_document->undoStack()->count(), 1);
        QCOMPARE(m_editor->cursorOffset(), offsetAfter(kManifest, "\"Notes") + 4);
    }

    void backspace_isMirroredToo()
    {
        m_editor->setCursorOffset(offsetAfter(kManifest, "\"Notes"));
        QTest::keyClick(m_editor.get(), Qt::Key_Backspace);
        QTest::keyClick(m_editor.get(), Qt::Key_Backspace);
        QCOMPARE(m_document->manifest().name, std::string("Not"));
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void formEdit_isMirrored_andTheCaretStaysWithItsText()
    {
        const std::size_t caret = offsetAfter(kManifest, "\"deleted");
        m_editor->setCursorOffset(caret);
        m_document->edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "Meeting Notes")});
        QCOMPARE(m_editor->bytes().toStdString(), m_document->text());
        // The edit happened before the caret: the caret moved with the text after it.
        QCOMPARE(m_editor->cursorOffset(), caret + std::string("Meeting ").size());
    }

    void undo_restoresTheTextAndShowsWhereItActed()
    {
        m_document->edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "Meeting Notes")});
        m_editor->setCursorOffset(0);
        m_document->undoStack()->undo();
        QCOMPARE(m_editor->bytes().toStdString(), kManifest);
        QCOMPARE(m_editor->cursorOffset(), offsetAfter(kManifest, "\"name\": \""));
    }

    void undoKeys_areLeftToTheWindow()
    {
        QVERIFY(!m_editor->standardCommands()->boundTo(
            QKeySequence(QKeySequence::Undo)[0].toCombined()));
        QVERIFY(!m_editor->standardCommands()->boundTo(
            QKeySequence(Qt::CTRL | Qt::Key_Y)[0].toCombined()));
        QVERIFY(!m_editor->standardCommands()->boundTo(
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)[0].toCombined()));
        // Scintilla keeps no history of its own: its undo does nothing.
        m_editor->setCursorOffset(1);
        QTest::keyClicks(m_editor.get(), QStringLiteral("x"));
        m_editor->undo();
        QCOMPARE(m_editor->bytes().toStdString(), m_document->text());
        QVERIFY(m_document->text() != kManifest);
    }

    void diagnostics_underlineExactlyTheirByteSpan()
    {
        DiagnosticMarks marks(m_editor.get());
        // The id value "café" spans bytes of a two-byte character.
        const std::size_t begin = kManifest.find("\"caf");
        const std::size_t end = begin + std::string("\"caf\xC3\xA9\"").size();
        Diagnostic diagnostic;
        diagnostic.rule = RuleId::IdStyle;
        diagnostic.message = "not kebab";
        diagnostic.pointer = "/id";
        diagnostic.span = {begin, end};
        marks.setDiagnostics({diagnostic});
        QCOMPARE(marks.indicatorAt(begin - 1), -1);
        QCOMPARE(marks.indicatorAt(begin), int(DiagnosticMarks::kWarningIndicator));
        QCOMPARE(marks.indicatorAt(end - 1), int(DiagnosticMarks::kWarningIndicator));
        QCOMPARE(marks.indicatorAt(end), -1);
        QVERIFY(marks.messagesAt(begin + 2).contains(QStringLiteral("PS121 not kebab")));
        QVERIFY(marks.messagesAt(end).isEmpty());
    }

    void diagnostics_showTheirMessageUnderTheLineAndOnHover()
    {
        DiagnosticMarks marks(m_editor.get());
        const std::size_t begin = kManifest.find("\"Notes\"");
        Diagnostic diagnostic;
        diagnostic.rule = RuleId::IdStyle;
        diagnostic.message = "a message to read";
        diagnostic.pointer = "/name";
        diagnostic.span = {begin, begin + 7};
        marks.setDiagnostics({diagnostic});
        int line = 0;
        int column = 0;
        m_editor->lineIndexFromPosition(int(begin), &line, &column);
        QVERIFY2(m_editor->annotation(line).contains(QStringLiteral("PS121 a message to read")),
                 qPrintable(m_editor->annotation(line)));

        // The mouse rests on the squiggle: Scintilla's dwell shows the tooltip.
        m_editor->resize(600, 400);
        QVERIFY(test::showActive(m_editor.get()));
        const auto x = int(m_editor->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL,
                                                   static_cast<unsigned long>(begin + 3)));
        const auto y = int(m_editor->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL,
                                                   static_cast<unsigned long>(begin + 3)));
        QTest::mouseMove(m_editor->viewport(), QPoint(x, y + 4));
        QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 3000);
        QVERIFY2(QToolTip::text().contains(QStringLiteral("a message to read")),
                 qPrintable(QToolTip::text()));
        QToolTip::hideText();
        m_editor->hide();
    }

    void longMessages_wrapToTheEditorWidth()
    {
        DiagnosticMarks marks(m_editor.get());
        m_editor->resize(420, 300);
        QVERIFY(test::showActive(m_editor.get()));
        const std::size_t begin = kManifest.find("\"Notes\"");
        Diagnostic diagnostic;
        diagnostic.rule = RuleId::IdStyle;
        diagnostic.message = QStringLiteral("every word matters ").repeated(12).toStdString();
        diagnostic.pointer = "/name";
        diagnostic.span = {begin, begin + 7};
        marks.setDiagnostics({diagnostic});
        int line = 0;
        int column = 0;
        m_editor->lineIndexFromPosition(int(begin), &line, &column);
        const QString narrow = m_editor->annotation(line);
        QVERIFY2(narrow.count(u'\n') >= 3, qPrintable(narrow));

        m_editor->resize(1600, 300);
        QTRY_VERIFY(m_editor->annotation(line).count(u'\n') < narrow.count(u'\n'));
        // Only the line breaks moved: every word is still there.
        QCOMPARE(m_editor->annotation(line).simplified(), narrow.simplified());
        m_editor->hide();
    }

    void selectSpan_selectsTheBytes()
    {
        const SourceSpan span{kManifest.find("\"Notes\""), kManifest.find("\"Notes\"") + 7};
        m_editor->selectSpan(span);
        QCOMPARE(m_editor->selectedSpan(), span);
        QCOMPARE(m_editor->selectedText(), QStringLiteral("\"Notes\""));
    }

private:
    std::unique_ptr<ManifestDocument> m_document;
    std::unique_ptr<JsonEditor> m_editor;
};

QTEST_MAIN(JsonEditorTest)
#include "tst_jsoneditor.moc"
