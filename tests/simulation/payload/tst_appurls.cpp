#include "simulation/payload/AppUrls.h"

#include <QTest>

using namespace studio;

class AppUrlsTest : public QObject
{
    Q_OBJECT

private slots:
    void webhook_appendsUid_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("uid");
        QTest::addColumn<QString>("expected");

        QTest::newRow("no query") << QStringLiteral("https://x.dev/hook") << QStringLiteral("u1")
                                  << QStringLiteral("https://x.dev/hook?uid=u1");
        QTest::newRow("with query")
            << QStringLiteral("https://x.dev/hook?key=abc") << QStringLiteral("u1")
            << QStringLiteral("https://x.dev/hook?key=abc&uid=u1");
        QTest::newRow("trailing question mark")
            << QStringLiteral("https://x.dev/hook?") << QStringLiteral("u1")
            << QStringLiteral("https://x.dev/hook?&uid=u1");
        QTest::newRow("uid needs encoding")
            << QStringLiteral("http://127.0.0.1:8000/h") << QStringLiteral("a b&c=d/é")
            << QStringLiteral("http://127.0.0.1:8000/h?uid=a%20b%26c%3Dd%2F%C3%A9");
        QTest::newRow("unreserved kept") << QStringLiteral("http://h/") << QStringLiteral("Ab-9_.~")
                                         << QStringLiteral("http://h/?uid=Ab-9_.~");
    }

    void webhook_appendsUid()
    {
        QFETCH(QString, url);
        QFETCH(QString, uid);
        QFETCH(QString, expected);
        QCOMPARE(AppUrls::webhook(url, uid), expected);
    }

    void setupUrls_alwaysUseQuestionMark()
    {
        QCOMPARE(AppUrls::setupCheck(QStringLiteral("https://x.dev/setup"), QStringLiteral("u1")),
                 QStringLiteral("https://x.dev/setup?uid=u1"));
        // The app does not look for an existing query string: the result has two '?'.
        QCOMPARE(
            AppUrls::setupCheck(QStringLiteral("https://x.dev/setup?v=2"), QStringLiteral("u1")),
            QStringLiteral("https://x.dev/setup?v=2?uid=u1"));
        QVERIFY(AppUrls::hasQuery(QStringLiteral("https://x.dev/setup?v=2")));
        QCOMPARE(
            AppUrls::authStepLink(QStringLiteral("https://x.dev/connect"), QStringLiteral("u 1")),
            QStringLiteral("https://x.dev/connect?uid=u%201"));
    }
};

QTEST_GUILESS_MAIN(AppUrlsTest)
#include "tst_appurls.moc"
