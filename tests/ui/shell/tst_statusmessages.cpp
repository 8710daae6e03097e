#include "shell/StatusMessages.h"

#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QStatusTipEvent>
#include <QTest>

using namespace studio;

class StatusMessagesTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_window = std::make_unique<QMainWindow>();
        m_messages = new StatusMessages(m_window->statusBar());
        m_window->show();
    }

    void cleanup() { m_window.reset(); }

    void notice_goesAfterItsTime()
    {
        m_messages->notice(QStringLiteral("Saved."), 100);
        QCOMPARE(shown(), QStringLiteral("Saved."));
        QTRY_COMPARE(shown(), QString());
    }

    void messageAboutACause_staysUntilTheCauseGoes()
    {
        m_messages->show(QStringLiteral("autosave"), QStringLiteral("Autosave failed: disk full"));
        m_messages->notice(QStringLiteral("Saved."), 100);
        QCOMPARE(shown(), QStringLiteral("Saved."));
        // The notice goes; the cause is still there, so is its message.
        QTRY_COMPARE(shown(), QStringLiteral("Autosave failed: disk full"));
        m_messages->show(QStringLiteral("autosave"), QStringLiteral("Autosave failed: read-only"));
        QCOMPARE(shown(), QStringLiteral("Autosave failed: read-only"));
        m_messages->clear(QStringLiteral("autosave"));
        QCOMPARE(shown(), QString());
        QVERIFY(!m_messages->has(QStringLiteral("autosave")));
    }

    void newestMessageShows_andTheOneBeforeComesBack()
    {
        m_messages->show(QStringLiteral("a"), QStringLiteral("first"));
        m_messages->show(QStringLiteral("b"), QStringLiteral("second"));
        QCOMPARE(shown(), QStringLiteral("second"));
        m_messages->clear(QStringLiteral("b"));
        QCOMPARE(shown(), QStringLiteral("first"));
        m_messages->clear(QStringLiteral("nothing")); // an unknown cause changes nothing
        QCOMPARE(shown(), QStringLiteral("first"));
    }

    void menuTips_hideTheMessageOnlyWhileShown()
    {
        m_messages->show(QStringLiteral("a"), QStringLiteral("first"));
        QStatusTipEvent tip(QStringLiteral("Opens a file"));
        QCoreApplication::sendEvent(m_window.get(), &tip);
        QStatusTipEvent gone{QString()};
        QCoreApplication::sendEvent(m_window.get(), &gone);
        QVERIFY(label()->isVisible());
        QCOMPARE(shown(), QStringLiteral("first"));
    }

private:
    QLabel *label() const
    {
        return m_window->statusBar()->findChild<QLabel *>(QStringLiteral("statusMessage"));
    }
    QString shown() const
    {
        // What the user sees is the label's text; it must agree with currentText().
        const QString text = label()->text();
        return text == m_messages->currentText() ? text : QStringLiteral("<disagree>");
    }

    std::unique_ptr<QMainWindow> m_window;
    StatusMessages *m_messages = nullptr;
};

QTEST_MAIN(StatusMessagesTest)
#include "tst_statusmessages.moc"
