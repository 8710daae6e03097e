#include "SampleWindow.h"
#include "SaveAndWait.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "form/ManifestForm.h"
#include "project/EntryListModel.h"
#include "project/EntryPicker.h"
#include "project/NewPluginDialog.h"
#include "project/PlaceholderLogo.h"
#include "shell/MainWindow.h"
#include "shell/SessionController.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace studio;

// A new plugin, from the dialog to a complete entry listed at once.
class NewPluginTest : public QObject
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

    void initials_takeTheFirstLetterOfTwoWords()
    {
        QCOMPARE(PlaceholderLogo::initials(QStringLiteral("Meeting Notes")), QStringLiteral("MN"));
        QCOMPARE(PlaceholderLogo::initials(QStringLiteral("weather")), QStringLiteral("W"));
        QCOMPARE(PlaceholderLogo::initials(QStringLiteral("the fact-checker pro")),
                 QStringLiteral("TF"));
        QCOMPARE(PlaceholderLogo::initials(QStringLiteral("  ")), QStringLiteral("?"));
        QCOMPARE(PlaceholderLogo::colour(QStringLiteral("a")),
                 PlaceholderLogo::colour(QStringLiteral("a")));
    }

    // Typed as a keyboard user does: Tab from Author reaches the capabilities.
    void dialog_tabFromAuthor_reachesTheCapabilities()
    {
        QStringList focusPath;
        test::whenModalShown([&focusPath](QWidget *modal) {
            auto *dialog = qobject_cast<NewPluginDialog *>(modal);
            if (!dialog)
                return false;
            // The dialog's own focus, not the application's: under offscreen the main window
            // can stay the active one, and its focused field would take the keys.
            QApplication::setActiveWindow(dialog);
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("name"));
            name->setFocus();
            QTest::keyClicks(name, QStringLiteral("Weather Now"));
            for (int i = 0; i < 4; ++i) {
                QTest::keyClick(dialog->focusWidget(), Qt::Key_Tab);
                QWidget *focus = dialog->focusWidget();
                auto *box = qobject_cast<QCheckBox *>(focus);
                focusPath << (box ? box->text() : focus->objectName());
            }
            dialog->reject();
            return true;
        });
        m_window->actions()->action(ActionId::NewPlugin)->trigger();
        QCOMPARE(focusPath.value(0), QStringLiteral("id"));
        QCOMPARE(focusPath.value(1), QStringLiteral("author"));
        QCOMPARE(focusPath.value(2), QStringLiteral("Memories"));
        QCOMPARE(focusPath.value(3), QStringLiteral("Chat"));
    }

    void newEntry_isListedAtOnce_withItsLogoAndInstructions()
    {
        const int before = entries()->rowCount();
        createPlugin(QStringLiteral("Weather Now"), /*integration=*/true);

        QCOMPARE(document()->manifest().id, std::string("weather-now"));
        QCOMPARE(entries()->rowCount(), before + 1);
        const QModelIndex row = entries()->index(before, 0);
        QVERIFY(row.data(EntryListModel::UnsavedRole).toBool());
        QCOMPARE(row.data(EntryListModel::IdRole).toString(), QStringLiteral("weather-now"));
        QCOMPARE(m_window->entryPicker()->list()->currentIndex().row(), before);
        QCOMPARE(m_window->entryPicker()->list()->selectionModel()->selectedIndexes().size(), 1);

        const QString logo =
            QDir(m_sample.root()).filePath(QStringLiteral("plugins/logos/weather-now.png"));
        QCOMPARE(QImageReader(logo).format(), QByteArray("png"));
        QCOMPARE(QImageReader(logo).size(), QSize(512, 512));
        const QString readme =
            QDir(m_sample.root()).filePath(QStringLiteral("plugins/instructions/weather-now/README.md"));
        QVERIFY(test::readFile(readme).contains("Weather Now"));

        // Neither file is a problem; what is left are the parts only the author can write.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->session()->validation()->latestReport().diagnostics.size() > 0, 5000);
        const auto &diagnostics = m_window->session()->validation()->latestReport().diagnostics;
        for (const auto &diagnostic : diagnostics) {
            QVERIFY(diagnostic.rule != RuleId::MissingImage);
            QVERIFY(diagnostic.rule != RuleId::MissingInstructions);
        }

        // The empty description asks for one.
        auto *description =
            qobject_cast<QPlainTextEdit *>(m_window->form()->fieldWidget("/description"));
        QVERIFY(description->placeholderText().contains(u"What does the plugin do"));

        // Typing the name shows in the list; Save lists it from the file.
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Weather Today")});
        QCOMPARE(entries()->index(before, 0).data().toString(), QStringLiteral("Weather Today"));
        m_window->actions()->action(ActionId::Save)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!document()->isModified(), 5000);
        QCOMPARE(entries()->rowCount(), before + 1);
        QVERIFY(!entries()->index(before, 0).data(EntryListModel::UnsavedRole).toBool());
    }

    // A file already at the path is the author's: it is kept.
    void existingLogo_isNeverReplaced()
    {
        const QString logo =
            QDir(m_sample.root()).filePath(QStringLiteral("plugins/logos/socratic-coach-2.png"));
        test::writeFile(logo, "mine");
        createPlugin(QStringLiteral("Socratic Coach 2"), false);
        QCOMPARE(test::readFile(logo), QByteArray("mine"));
    }

    // Dropped unsaved (switching away, Discard), the new entry takes its files along.
    void droppedEntry_takesItsStartingFilesAlong()
    {
        createPlugin(QStringLiteral("Weather Now"), true);
        const QString logo = file("plugins/logos/weather-now.png");
        const QString readme = file("plugins/instructions/weather-now/README.md");
        QVERIFY(QFileInfo::exists(logo));
        QVERIFY(QFileInfo::exists(readme));

        test::answerNextMessageBox(QMessageBox::Cancel);
        m_window->controller()->chooseEntry(0);
        QVERIFY(QFileInfo::exists(logo)); // stayed: still the new entry's

        test::answerNextMessageBox(QMessageBox::Discard);
        m_window->controller()->chooseEntry(0);
        QCOMPARE(document()->manifest().id, std::string("socratic-coach"));
        QVERIFY(!QFileInfo::exists(logo));
        QVERIFY(!QFileInfo::exists(readme));
        QVERIFY(!QFileInfo::exists(file("plugins/instructions/weather-now")));
        QVERIFY(QFileInfo::exists(file("plugins/logos/socratic-coach.png")));
    }

    // A file the user changed since is theirs: only the untouched one goes.
    void closingWithoutSaving_keepsAnEditedFile()
    {
        createPlugin(QStringLiteral("Weather Now"), true);
        const QString logo = file("plugins/logos/weather-now.png");
        const QString readme = file("plugins/instructions/weather-now/README.md");
        test::writeFile(readme, "# My own words\n");

        test::answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(m_window->close());
        QVERIFY(!QFileInfo::exists(logo));
        QCOMPARE(test::readFile(readme), QByteArray("# My own words\n"));
    }

    void newPluginAgain_afterDiscard_replacesTheFirstOnesFiles()
    {
        createPlugin(QStringLiteral("Weather Now"), false);
        test::answerNextMessageBox(QMessageBox::Discard);
        createPlugin(QStringLiteral("Tide Times"), false);
        QCOMPARE(document()->manifest().id, std::string("tide-times"));
        QVERIFY(!QFileInfo::exists(file("plugins/logos/weather-now.png")));
        QVERIFY(QFileInfo::exists(file("plugins/logos/tide-times.png")));

        // The second one saved: its logo is part of the plugin now.
        QVERIFY(test::saveAndWait(*m_window->session()).isEmpty());
        QVERIFY(!document()->isModified()); // closing asks nothing
        m_window->actions()->action(ActionId::Close)->trigger();
        QVERIFY(QFileInfo::exists(file("plugins/logos/tide-times.png")));
    }

    void existingFile_staysWhenTheEntryIsDropped()
    {
        const QString logo = file("plugins/logos/weather-now.png");
        test::writeFile(logo, "mine");
        createPlugin(QStringLiteral("Weather Now"), false);
        test::answerNextMessageBox(QMessageBox::Discard);
        m_window->actions()->action(ActionId::Close)->trigger();
        QCOMPARE(test::readFile(logo), QByteArray("mine"));
    }

    // Undo right after New Plugin takes it back: the entry open before, its files gone.
    void undo_rightAfterNewPlugin_takesItBack()
    {
        m_window->controller()->chooseEntry(2);
        const std::string before = document()->manifest().id;
        const int rows = entries()->rowCount();
        createPlugin(QStringLiteral("Weather Now"), true);
        QCOMPARE(entries()->rowCount(), rows + 1);
        QAction *undo = m_window->actions()->action(ActionId::Undo);
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("&Undo New Plugin"));

        undo->trigger();
        QCOMPARE(document()->manifest().id, before);
        QVERIFY(!document()->isModified());
        QCOMPARE(entries()->rowCount(), rows);
        QVERIFY(!QFileInfo::exists(file("plugins/logos/weather-now.png")));
        QVERIFY(!QFileInfo::exists(file("plugins/instructions/weather-now")));
        QVERIFY(!undo->isEnabled());
    }

    // Once typed into, Undo takes the typing back; the plugin stays, its typing redoable.
    void undo_afterTyping_undoesTheTyping_notThePlugin()
    {
        createPlugin(QStringLiteral("Weather Now"), false);
        document()->edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "Weather Today")});
        QAction *undo = m_window->actions()->action(ActionId::Undo);
        QCOMPARE(undo->text(), QStringLiteral("&Undo Edit name"));
        undo->trigger();
        QCOMPARE(document()->manifest().name, std::string("Weather Now"));
        QVERIFY(!undo->isEnabled());
        QVERIFY(m_window->actions()->action(ActionId::Redo)->isEnabled());
        QVERIFY(QFileInfo::exists(file("plugins/logos/weather-now.png")));
    }

private:
    void createPlugin(const QString &name, bool integration)
    {
        test::whenModalShown([name, integration](QWidget *modal) {
            auto *dialog = qobject_cast<NewPluginDialog *>(modal);
            if (!dialog)
                return false;
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), name);
            for (QCheckBox *box : dialog->findChildren<QCheckBox *>()) {
                if (box->text() == u"External Integration")
                    box->setChecked(integration);
            }
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            return true;
        });
        m_window->actions()->action(ActionId::NewPlugin)->trigger();
    }
    ManifestDocument *document() const { return m_window->session()->document(); }
    QString file(const char *repositoryPath) const
    {
        return QDir(m_sample.root()).filePath(QString::fromLatin1(repositoryPath));
    }
    const EntryListModel *entries() const
    {
        auto *proxy =
            qobject_cast<const QAbstractProxyModel *>(m_window->entryPicker()->list()->model());
        return qobject_cast<const EntryListModel *>(proxy->sourceModel());
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    test::SampleWindow m_sample;
    MainWindow *m_window = nullptr;
};

QTEST_MAIN(NewPluginTest)
#include "tst_newplugin.moc"
