#include "SampleWindow.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "editor/JsonEditor.h"
#include "shell/MainWindow.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QUndoStack>

using namespace studio;

// Save in the window: written off the GUI thread, the window stays usable meanwhile, and
// nothing typed, failed or closed loses the user's edits.
class SavingTest : public QObject
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

    void keysTypedWhileSaving_stayUnsaved()
    {
        const std::size_t end = document()->text().find("Coach\"") + 5;
        editor()->setFocus();
        editor()->setCursorOffset(end);
        QTest::keyClicks(editor(), QStringLiteral(" Pro"));
        const std::string saved = document()->text();
        QTest::keyClick(editor(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(document()->isModified()); // not written yet
        QTest::keyClicks(editor(), QStringLiteral("!!"));
        QVERIFY(m_window->session()->isSaving()); // the keys came while it was written

        QTRY_VERIFY_WITH_TIMEOUT(test::readFile(indexPath()).contains("\"Socratic Coach Pro\""),
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isSaving(), 5000);
        QVERIFY(!test::readFile(indexPath()).contains("Pro!!"));
        QVERIFY(document()->isModified());
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(editor()->bytes().toStdString(), document()->text());
        document()->undoStack()->undo(); // the two keys are one typing step
        QCOMPARE(document()->text(), saved);
        QVERIFY(!document()->isModified());
        QVERIFY(!m_window->isWindowModified());
    }

    void saveError_keepsTheEdits()
    {
        const QString path = QDir(m_sample.root()).filePath(QStringLiteral("mine.json"));
        test::writeFile(path, "{\n  \"id\": \"mine\",\n  \"name\": \"Mine\"\n}\n");
        QVERIFY(m_window->session()->openManifestFile(path).isEmpty());
        const std::size_t end = document()->text().find("Mine\"") + 4;
        editor()->setFocus();
        editor()->setCursorOffset(end);
        QTest::keyClicks(editor(), QStringLiteral(" edited"));
        const std::string edited = document()->text();
        // Something in the way of the write: the file became a folder.
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir().mkpath(path + QStringLiteral("/keep")));

        QString shown;
        test::whenModalShown([&shown](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box || box->objectName() != u"errorMessage")
                return false;
            shown = box->text();
            box->accept();
            return true;
        });
        QTest::keyClick(editor(), Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 5000);
        QVERIFY2(shown.contains(u"cannot write"), qPrintable(shown));
        QVERIFY(document()->isModified());
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(document()->text(), edited);
        QCOMPARE(editor()->bytes().toStdString(), edited);
    }

    void closingWithSave_waitsForTheWrite()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Saved on Close")});
        test::answerNextMessageBox(QMessageBox::Save);
        QVERIFY(!m_window->close()); // not yet: the save is being written
        QVERIFY(m_window->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 5000);
        QVERIFY(test::readFile(indexPath()).contains("\"Saved on Close\""));
        QVERIFY(!document()->isModified());
    }

    // Last: a prompt here would be a bug, and the guard answering it outlives the test.
    void closingWhileSaving_waitsForTheSave_withoutAsking()
    {
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Saved Before Close")});
        bool asked = false;
        test::whenModalShown([&asked](QWidget *modal) {
            asked = true;
            modal->close();
            return true;
        });
        QTest::keyClick(editor(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!m_window->close());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 5000);
        QVERIFY(!asked);
        QVERIFY(test::readFile(indexPath()).contains("\"Saved Before Close\""));
    }

private:
    ManifestDocument *document() const { return m_window->session()->document(); }
    JsonEditor *editor() const { return m_window->editor(); }
    QString indexPath() const
    {
        return QDir(m_sample.root()).filePath(QStringLiteral("community-plugins.json"));
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    test::SampleWindow m_sample;
    MainWindow *m_window = nullptr;
};

QTEST_MAIN(SavingTest)
#include "tst_saving.moc"
