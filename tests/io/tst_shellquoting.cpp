#include "io/ShellQuoting.h"

#include <QProcess>
#include <QTest>

using namespace studio;

class ShellQuotingTest : public QObject
{
    Q_OBJECT

private slots:
    void plainArguments_stayAsTheyAre()
    {
        QCOMPARE(shellQuoted(QStringLiteral("/a/b-c_d.json")), QStringLiteral("/a/b-c_d.json"));
        QCOMPARE(shellQuoted(QStringLiteral("file=@x/logo.png")),
                 QStringLiteral("file=@x/logo.png"));
        QCOMPARE(shellQuoted(QStringLiteral("/my plugins/it's.json")),
                 QStringLiteral("'/my plugins/it'\\''s.json'"));
    }

    void quoted_isReadBackUnchangedByTheShell()
    {
        for (const QString &argument :
             {QStringLiteral("a b"), QStringLiteral("it's"), QStringLiteral("$HOME `x` \"y\""),
              QStringLiteral("app_data=<a;b"), QString()}) {
            QProcess shell;
            shell.start(
                QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("printf %s ") + shellQuoted(argument)});
            QVERIFY(shell.waitForFinished());
            QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()), argument);
        }
    }
};

QTEST_GUILESS_MAIN(ShellQuotingTest)
#include "tst_shellquoting.moc"
