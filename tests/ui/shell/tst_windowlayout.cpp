#include "SampleWindow.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "editor/JsonEditor.h"
#include "form/ManifestForm.h"
#include "logo/ImageInspector.h"
#include "problems/IndexProblemsView.h"
#include "problems/ProblemsView.h"
#include "project/EntryDelegate.h"
#include "project/EntryListModel.h"
#include "project/EntryPicker.h"
#include "shell/MainWindow.h"
#include "shell/WindowLayout.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

const QString kLongName = QStringLiteral("Socratic Coach for Long Meetings with Many People");

// Every line of `text` that starts with a key, and the byte just after the key's colon.
std::vector<std::pair<int, int>> keyLines(const std::string &text)
{
    static const QRegularExpression key(QStringLiteral("^\\s*\"[^\"]+\"\\s*:"));
    std::vector<std::pair<int, int>> lines;
    const QStringList all = QString::fromStdString(text).split(u'\n');
    for (int line = 0; line < all.size(); ++line) {
        const QRegularExpressionMatch match = key.match(all[line]);
        if (match.hasMatch())
            lines.emplace_back(line, int(all[line].left(match.capturedEnd()).toUtf8().size()));
    }
    return lines;
}

int pointY(const JsonEditor &editor, long position)
{
    return int(const_cast<JsonEditor &>(editor).SendScintilla(
        QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, position));
}

long lineStart(const JsonEditor &editor, int line)
{
    return long(const_cast<JsonEditor &>(editor).SendScintilla(
        QsciScintillaBase::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line)));
}

} // namespace

// The window on a small screen (1024x640) and a large one (1920x1080): every panel usable,
// measured on the real widgets, and the user's own arrangement kept for each width.
class WindowLayoutTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }
    void cleanup() { m_sample.close(); }

    void smallScreen_theStorePreviewAndImageShareTheEntriesColumn()
    {
        open(1024, 640);
        QCOMPARE(m_window->windowLayout()->width(), LayoutWidth::Narrow);
        QCOMPARE(m_window->size(), QSize(1024, 640));
        // Fits the screen with a panel on it, whichever tab is in front.
        QVERIFY(m_window->minimumSizeHint().width() <= 1024);
        QVERIFY(m_window->minimumSizeHint().height() <= 600);
        for (const char *name : {"previewDock", "imageDock"})
            QCOMPARE(m_window->dockWidgetArea(dock(name)), Qt::LeftDockWidgetArea);
        const QList<QDockWidget *> tabbed = m_window->tabifiedDockWidgets(dock("entriesDock"));
        QVERIFY(tabbed.contains(dock("previewDock")) && tabbed.contains(dock("imageDock")));
        QVERIFY(!dock("entriesDock")->visibleRegion().isEmpty()); // the entries in front
    }

    // A manifest outside any repository: the Image tab says why its file cannot be looked at,
    // and that message wraps instead of widening the column it shares with the entries.
    void smallScreen_theSideColumnKeepsItsWidth_whenAManifestOutsideTheIndexOpens()
    {
        open(1024, 640);
        dock("previewDock")->raise();
        QTRY_VERIFY(dock("previewDock")->isVisible());
        const int before = dock("previewDock")->width();
        QTemporaryDir folder;
        QFile draft(folder.filePath(QStringLiteral("draft.json")));
        QVERIFY(draft.open(QIODevice::WriteOnly));
        draft.write(R"({"id": "Note Taker", "name": "Note Taker", "author": "@someone",
            "description": "", "image": "/plugins/logos/note-taker.png",
            "capabilities": ["memories"], "memory_prompt": "", "deleted": false})");
        draft.close();
        QVERIFY(m_window->session()->openManifestFile(draft.fileName()).isEmpty());
        auto *image = m_window->findChild<ImageInspector *>();
        QTRY_VERIFY(image->factsText().contains(u"cannot be looked at"));
        QTest::qWait(200); // the settle after the docks' relayout
        QVERIFY2(
            dock("previewDock")->width() <= before + 20,
            qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(dock("previewDock")->width())));
    }

    void smallScreen_theJsonTextKeepsEveryKeyOnOneLine()
    {
        open(1024, 640);
        JsonEditor *editor = m_window->editor();
        QVERIFY(editor->wrapWidth() >=
                editor->textWidth(QStringLiteral("    \"setup_instructions_file_path\": \"")));
        for (std::size_t entry = 0; entry < 4; ++entry)
            verifyKeysOnOneLine(entry);
        // The user gives the form all the room: the text keeps enough for its keys.
        auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("formTextSplitter"));
        splitter->setSizes({splitter->width(), 0});
        QTRY_VERIFY(editor->width() < 382);
        verifyKeysOnOneLine(1); // the external integration's keys are the longest
    }

    void smallScreen_theFormScrollsRatherThanCuttingFieldsOff()
    {
        open(1024, 640);
        QVERIFY(m_window->session()->openEntry(1).isEmpty()); // the external integration
        auto *scroll = m_window->form()->findChild<QScrollArea *>();
        QWidget *content = scroll->widget();
        QTRY_VERIFY2(content->width() <= scroll->viewport()->width(),
                     qPrintable(QStringLiteral("content %1, viewport %2, min %3")
                                    .arg(content->width())
                                    .arg(scroll->viewport()->width())
                                    .arg(content->minimumSizeHint().width())));
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        verifyFieldsInside(content);

        // Squeezed by the user to less than its narrowest rows: it scrolls sideways.
        auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("formTextSplitter"));
        splitter->setSizes({120, splitter->width() - 120});
        QTRY_VERIFY(scroll->horizontalScrollBar()->isVisible());
        QVERIFY(content->width() > scroll->viewport()->width());
        QCOMPARE(scroll->horizontalScrollBar()->maximum(),
                 content->width() - scroll->viewport()->width());
        verifyFieldsInside(content);
    }

    void smallScreen_theWholeIndexShowsSeveralRows()
    {
        open(1024, 640);
        dock("indexProblemsDock")->raise();
        QTableView *table = m_window->indexProblems()->problems()->table();
        QTRY_VERIFY(table->model()->rowCount() >= 5);
        for (int row = 0; row < 5; ++row)
            QVERIFY(table->viewport()->rect().contains(
                table->visualRect(table->model()->index(row, 1))));
    }

    void smallScreen_entryNamesShortenInTheMiddle_andTheTooltipHasThemWhole()
    {
        open(1024, 640);
        const QString indexPath = m_sample.root() + QStringLiteral("/community-plugins.json");
        QString index = QString::fromUtf8(test::readFile(indexPath));
        index.replace(QStringLiteral("\"Socratic Coach\""), u'"' + kLongName + u'"');
        test::writeFile(indexPath, index.toUtf8());
        reopen(1024, 640);
        // The entries alone in their column, as narrow as the user may make it.
        for (const ActionId id : {ActionId::ShowPreview, ActionId::ShowImage})
            m_window->actions()->action(id)->setChecked(false);
        m_window->resizeDocks({dock("entriesDock")}, {150}, Qt::Horizontal);
        QListView *list = m_window->entryPicker()->list();
        QTRY_VERIFY(list->viewport()->width() < 160);
        QVERIFY(!list->horizontalScrollBar()->isVisible());
        QCOMPARE(list->horizontalScrollBar()->maximum(), 0);
        const QModelIndex first = list->model()->index(0, 0);
        QVERIFY(list->visualRect(first).right() <= list->viewport()->rect().right());
        QVERIFY(first.data(Qt::ToolTipRole).toString().startsWith(kLongName + u'\n'));

        QFont bold = list->font();
        bold.setBold(true);
        const QString shown = EntryDelegate::shownName(kLongName, QFontMetrics(bold), 160);
        QVERIFY2(shown.startsWith(QStringLiteral("Socratic")) &&
                     shown.endsWith(QStringLiteral("People")) && shown.contains(QChar(0x2026)),
                 qPrintable(shown));
    }

    void largeScreen_theStorePreviewHasItsOwnColumn()
    {
        open(1920, 1080);
        QTRY_COMPARE(m_window->windowLayout()->width(), LayoutWidth::Wide);
        QCOMPARE(m_window->dockWidgetArea(dock("entriesDock")), Qt::LeftDockWidgetArea);
        QCOMPARE(m_window->dockWidgetArea(dock("previewDock")), Qt::RightDockWidgetArea);
        QVERIFY(!dock("previewDock")->visibleRegion().isEmpty());
        dock("indexProblemsDock")->raise();
        QTableView *table = m_window->indexProblems()->problems()->table();
        QVERIFY2(table->viewport()->height() >= 8 * table->verticalHeader()->defaultSectionSize(),
                 qPrintable(QStringLiteral("%1 px for rows of %2 px")
                                .arg(table->viewport()->height())
                                .arg(table->verticalHeader()->defaultSectionSize())));
    }

    void crossingTheThreshold_bringsBackTheUsersArrangementForThatWidth()
    {
        open(1920, 1080);
        QTRY_COMPARE(m_window->windowLayout()->width(), LayoutWidth::Wide);
        m_window->resizeDocks({dock("entriesDock")}, {360}, Qt::Horizontal);
        QTRY_COMPARE(dock("entriesDock")->width(), 360);

        // In one step, as a window manager snaps it to a small screen: not held at the
        // three columns' minimum.
        m_window->resize(1024, 640);
        QTRY_COMPARE(m_window->windowLayout()->width(), LayoutWidth::Narrow);
        QCOMPARE(m_window->width(), 1024);
        QCOMPARE(m_window->dockWidgetArea(dock("previewDock")), Qt::LeftDockWidgetArea);
        m_window->actions()->action(ActionId::ShowPreview)->setChecked(false); // the user's
        QVERIFY(dock("previewDock")->isHidden());

        m_window->resize(1920, 1080);
        QTRY_COMPARE(m_window->windowLayout()->width(), LayoutWidth::Wide);
        QCOMPARE(m_window->dockWidgetArea(dock("previewDock")), Qt::RightDockWidgetArea);
        QVERIFY(!dock("previewDock")->isHidden());
        QTRY_VERIFY(std::abs(dock("entriesDock")->width() - 360) <= 8);

        m_window->resize(1024, 640);
        QTRY_COMPARE(m_window->windowLayout()->width(), LayoutWidth::Narrow);
        QVERIFY(dock("previewDock")->isHidden());
        QVERIFY(!m_window->actions()->action(ActionId::ShowPreview)->isChecked());
    }

    void nextStart_restoresTheArrangementOfEachWidth()
    {
        open(1920, 1080);
        m_window->resizeDocks({dock("entriesDock")}, {340}, Qt::Horizontal);
        QTRY_COMPARE(dock("entriesDock")->width(), 340);
        m_window->resize(1024, 640);
        QTRY_COMPARE(m_window->windowLayout()->width(), LayoutWidth::Narrow);
        m_window->resizeDocks({dock("entriesDock")}, {300}, Qt::Horizontal);
        m_window->actions()->action(ActionId::ShowImage)->setChecked(false);
        QTRY_COMPARE(dock("entriesDock")->width(), 300);
        reopen(1024, 640);
        QVERIFY(dock("imageDock")->isHidden());
        QTRY_VERIFY2(std::abs(dock("entriesDock")->width() - 300) <= 8,
                     qPrintable(QString::number(dock("entriesDock")->width())));
        // The wide arrangement is the user's too, untouched by what was done to the narrow.
        m_window->resize(1920, 1080);
        QTRY_COMPARE(m_window->windowLayout()->width(), LayoutWidth::Wide);
        QVERIFY(!dock("imageDock")->isHidden());
        QTRY_VERIFY2(std::abs(dock("entriesDock")->width() - 340) <= 8,
                     qPrintable(QString::number(dock("entriesDock")->width())));
    }

private:
    void open(int width, int height)
    {
        QVERIFY(m_sample.open(QSize(width, height)));
        settled(width, height);
    }
    // The studio started again at that size, its settings kept.
    void reopen(int width, int height)
    {
        QVERIFY(m_sample.reopen(QSize(width, height)));
        settled(width, height);
    }
    void settled(int width, int height)
    {
        m_window = m_sample.window();
        QTRY_COMPARE(m_window->size(), QSize(width, height));
        QTRY_COMPARE(m_window->windowLayout()->width(), WindowLayout::widthFor(width));
    }

    QDockWidget *dock(const char *name) const
    {
        return m_window->findChild<QDockWidget *>(QString::fromLatin1(name));
    }

    // In the open entry's text, every line that starts with a key shows the whole key and
    // its colon on its first row.
    void verifyKeysOnOneLine(std::size_t entry)
    {
        QVERIFY(m_window->session()->openEntry(entry).isEmpty());
        // Scintilla wraps for its current width when it paints.
        m_window->editor()->viewport()->repaint();
        const JsonEditor &editor = *m_window->editor();
        bool wrapsSomewhere = false;
        for (const auto &[line, afterColon] : keyLines(m_window->session()->document()->text())) {
            const long start = lineStart(editor, line);
            QVERIFY2(pointY(editor, start) == pointY(editor, start + afterColon - 1),
                     qPrintable(QStringLiteral("entry %1, line %2 breaks in its key")
                                    .arg(entry)
                                    .arg(line + 1)));
            const long end = lineStart(editor, line + 1) - 1;
            wrapsSomewhere = wrapsSomewhere || pointY(editor, end) > pointY(editor, start);
        }
        // Long values do wrap: the measure sees a break where there is one.
        QVERIFY(wrapsSomewhere);
    }

    // No field of the form reaches past the form's content: nothing is cut off.
    static void verifyFieldsInside(QWidget *content)
    {
        const QList<QWidget *> fields = content->findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *field : fields) {
            const bool input =
                qobject_cast<QLineEdit *>(field) || qobject_cast<QComboBox *>(field) ||
                qobject_cast<QAbstractButton *>(field) || qobject_cast<QPlainTextEdit *>(field);
            if (!input || !field->isVisibleTo(content))
                continue;
            const QRect place(field->mapTo(content, QPoint(0, 0)), field->size());
            QVERIFY2(place.right() < content->width(),
                     qPrintable(field->objectName() + QStringLiteral(" is cut off")));
            ++checked;
        }
        QVERIFY(checked > 10);
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    test::SampleWindow m_sample;
    MainWindow *m_window = nullptr;
};

// The offscreen screen as large as the largest window here, so that no size the tests give
// (nor one restored at the next start) is cut down to fit a smaller one.
int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM",
            "offscreen:configfile=" STUDIO_TEST_DATA_DIR "/screen-1920x1080.json");
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    WindowLayoutTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_windowlayout.moc"
