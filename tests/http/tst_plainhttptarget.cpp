// Which URLs the engine sends itself (a literal address, nothing to encode) and what it makes
// of them: the address, the Host header and the request target libcurl would send.
#include "http/PlainHttpTarget.h"

#include <QTest>

using namespace studio;

class PlainHttpTargetTest : public QObject
{
    Q_OBJECT

private slots:
    void qualifyingUrl_givesWhatLibcurlSends_data();
    void qualifyingUrl_givesWhatLibcurlSends();
    void otherUrls_goToLibcurl_data();
    void otherUrls_goToLibcurl();
};

void PlainHttpTargetTest::qualifyingUrl_givesWhatLibcurlSends_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("hostHeader");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("effectiveUrl");

    QTest::newRow("path and query")
        << QStringLiteral("http://127.0.0.1:8000/hook?uid=u1&x=a,b") << QStringLiteral("127.0.0.1")
        << 8000 << QByteArray("127.0.0.1:8000") << QByteArray("/hook?uid=u1&x=a,b")
        << QStringLiteral("http://127.0.0.1:8000/hook?uid=u1&x=a,b");
    QTest::newRow("no path") << QStringLiteral("http://10.0.0.7:81") << QStringLiteral("10.0.0.7")
                             << 81 << QByteArray("10.0.0.7:81") << QByteArray("/")
                             << QStringLiteral("http://10.0.0.7:81/");
    QTest::newRow("query without path")
        << QStringLiteral("http://127.0.0.1:9/?a=1") << QStringLiteral("127.0.0.1") << 9
        << QByteArray("127.0.0.1:9") << QByteArray("/?a=1") << QStringLiteral("http://127.0.0.1:9/?a=1");
    QTest::newRow("default port") << QStringLiteral("http://192.168.1.2/m") << QStringLiteral("192.168.1.2")
                                  << 80 << QByteArray("192.168.1.2") << QByteArray("/m")
                                  << QStringLiteral("http://192.168.1.2/m");
    QTest::newRow("IPv6") << QStringLiteral("http://[::1]:8080/hook") << QStringLiteral("::1") << 8080
                          << QByteArray("[::1]:8080") << QByteArray("/hook")
                          << QStringLiteral("http://[::1]:8080/hook");
}

void PlainHttpTargetTest::qualifyingUrl_givesWhatLibcurlSends()
{
    QFETCH(QString, url);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QByteArray, hostHeader);
    QFETCH(QByteArray, target);
    QFETCH(QString, effectiveUrl);

    const std::optional<PlainHttpTarget> found = PlainHttpTarget::of(url);

    QVERIFY(found.has_value());
    QCOMPARE(found->host, host);
    QCOMPARE(found->port, port);
    QCOMPARE(found->hostHeader, hostHeader);
    QCOMPARE(found->target, target);
    QCOMPARE(found->url, effectiveUrl);
    QCOMPARE(found->origin(), hostHeader);
}

void PlainHttpTargetTest::otherUrls_goToLibcurl_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("https") << QStringLiteral("https://127.0.0.1:8000/hook");
    QTest::newRow("a name to resolve") << QStringLiteral("http://localhost:8000/hook");
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTP://127.0.0.1:8000/hook");
    QTest::newRow("percent-encoding") << QStringLiteral("http://127.0.0.1:8000/a%20b");
    QTest::newRow("a space") << QStringLiteral("http://127.0.0.1:8000/a b");
    QTest::newRow("a fragment") << QStringLiteral("http://127.0.0.1:8000/a#top");
    QTest::newRow("non-ASCII") << QStringLiteral("http://127.0.0.1:8000/caf\u00e9");
    QTest::newRow("credentials") << QStringLiteral("http://user:pw@127.0.0.1:8000/");
    QTest::newRow("port 0") << QStringLiteral("http://127.0.0.1:0/");
    QTest::newRow("port too large") << QStringLiteral("http://127.0.0.1:65536/");
    QTest::newRow("port not a number") << QStringLiteral("http://127.0.0.1:80a/");
    QTest::newRow("port with a leading zero") << QStringLiteral("http://127.0.0.1:080/");
    QTest::newRow("empty port") << QStringLiteral("http://127.0.0.1:/");
    QTest::newRow("short IPv4") << QStringLiteral("http://127.1:8000/");
    QTest::newRow("IPv6 unbracketed") << QStringLiteral("http://::1/");
    QTest::newRow("IPv6 zone") << QStringLiteral("http://[fe80::1%25eth0]:80/");
    QTest::newRow("IPv6 not as QUrl writes it") << QStringLiteral("http://[0:0::1]:80/");
    QTest::newRow("IPv4 in brackets") << QStringLiteral("http://[127.0.0.1]:80/");
    QTest::newRow("no host") << QStringLiteral("http:///hook");
    QTest::newRow("empty") << QString();
}

void PlainHttpTargetTest::otherUrls_goToLibcurl()
{
    QFETCH(QString, url);
    QVERIFY(!PlainHttpTarget::of(url).has_value());
}

QTEST_GUILESS_MAIN(PlainHttpTargetTest)
#include "tst_plainhttptarget.moc"
