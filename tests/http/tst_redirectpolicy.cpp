// The app's redirect rules (Python requests) as a pure function: method, body, headers.
#include "http/RedirectPolicy.h"

#include <QTest>

using namespace studio;

class RedirectPolicyTest : public QObject
{
    Q_OBJECT

private slots:
    void followedStatuses_data();
    void followedStatuses();
    void method_data();
    void method();
    void bodyAndBodyHeaders_keptOnlyBy307And308_data();
    void bodyAndBodyHeaders_keptOnlyBy307And308();
    void authorization_data();
    void authorization();
};

void RedirectPolicyTest::followedStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("followed");
    for (const int status : {300, 301, 302, 303, 304, 305, 306, 307, 308, 200, 404})
        QTest::addRow("%d", status)
            << status
            << (status == 301 || status == 302 || status == 303 || status == 307 || status == 308);
}

void RedirectPolicyTest::followedStatuses()
{
    QFETCH(int, status);
    QFETCH(bool, followed);
    QCOMPARE(RedirectPolicy::isFollowedStatus(status), followed);
}

void RedirectPolicyTest::method_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("next");

    QTest::newRow("POST 301") << QByteArray("POST") << 301 << QByteArray("GET");
    QTest::newRow("PUT 301 stays") << QByteArray("PUT") << 301 << QByteArray("PUT");
    QTest::newRow("POST 302") << QByteArray("POST") << 302 << QByteArray("GET");
    QTest::newRow("PUT 302") << QByteArray("PUT") << 302 << QByteArray("GET");
    QTest::newRow("DELETE 303") << QByteArray("DELETE") << 303 << QByteArray("GET");
    QTest::newRow("HEAD 302 stays") << QByteArray("HEAD") << 302 << QByteArray("HEAD");
    QTest::newRow("HEAD 303 stays") << QByteArray("HEAD") << 303 << QByteArray("HEAD");
    QTest::newRow("POST 307") << QByteArray("POST") << 307 << QByteArray("POST");
    QTest::newRow("PATCH 308") << QByteArray("PATCH") << 308 << QByteArray("PATCH");
    QTest::newRow("GET 301") << QByteArray("GET") << 301 << QByteArray("GET");
}

void RedirectPolicyTest::method()
{
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QByteArray, next);
    const HttpHop hop{method, QStringLiteral("http://a.test/x"), {}, "{}"};

    const HttpHop nextHop = RedirectPolicy::nextHop(hop, status, QStringLiteral("http://a.test/y"));

    QCOMPARE(nextHop.method, next);
    QCOMPARE(nextHop.url, QStringLiteral("http://a.test/y"));
}

void RedirectPolicyTest::bodyAndBodyHeaders_keptOnlyBy307And308_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("kept");
    QTest::newRow("301") << 301 << false;
    QTest::newRow("302") << 302 << false;
    QTest::newRow("303") << 303 << false;
    QTest::newRow("307") << 307 << true;
    QTest::newRow("308") << 308 << true;
}

void RedirectPolicyTest::bodyAndBodyHeaders_keptOnlyBy307And308()
{
    QFETCH(int, status);
    QFETCH(bool, kept);
    const HttpHop hop{
        "PUT",
        QStringLiteral("http://a.test/x"),
        {{"Content-Type", "application/json"}, {"content-length", "2"}, {"X-Other", "stays"}},
        "{}"};

    const HttpHop next = RedirectPolicy::nextHop(hop, status, QStringLiteral("http://a.test/y"));

    QCOMPARE(next.body, kept ? QByteArray("{}") : QByteArray());
    const HttpHeaders expected = kept ? hop.headers : HttpHeaders{{"X-Other", "stays"}};
    QCOMPARE(next.headers, expected);
}

void RedirectPolicyTest::authorization_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("kept");

    QTest::newRow("same origin") << QStringLiteral("http://a.test/x")
                                 << QStringLiteral("http://a.test/y") << true;
    QTest::newRow("other host") << QStringLiteral("http://a.test/x")
                                << QStringLiteral("http://b.test/y") << false;
    QTest::newRow("upgrade to https")
        << QStringLiteral("http://a.test/x") << QStringLiteral("https://a.test/y") << true;
    QTest::newRow("downgrade to http")
        << QStringLiteral("https://a.test/x") << QStringLiteral("http://a.test/y") << false;
    QTest::newRow("other port") << QStringLiteral("http://a.test:8000/x")
                                << QStringLiteral("http://a.test:9000/y") << false;
    QTest::newRow("explicit default port")
        << QStringLiteral("http://a.test/x") << QStringLiteral("http://a.test:80/y") << true;
}

void RedirectPolicyTest::authorization()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, kept);
    const HttpHop hop{"GET", from, {{"Authorization", "Bearer t"}}, {}};

    const HttpHop next = RedirectPolicy::nextHop(hop, 302, to);

    QCOMPARE(next.headers.size(), kept ? 1 : 0);
}

QTEST_APPLESS_MAIN(RedirectPolicyTest)
#include "tst_redirectpolicy.moc"
