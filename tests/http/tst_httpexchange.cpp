// The names of HttpError are part of the CLI's JSON output: they must stay put.
#include "http/HttpExchange.h"

#include <QSet>
#include <QTest>

using namespace studio;

Q_DECLARE_METATYPE(studio::HttpError)

class HttpExchangeTest : public QObject
{
    Q_OBJECT

private slots:
    void errorName_isStable_data();
    void errorName_isStable();
    void errorNames_areDistinct();
    void succeeded_needsAnAnswerAndNoError();
};

void HttpExchangeTest::errorName_isStable_data()
{
    QTest::addColumn<HttpError>("error");
    QTest::addColumn<QString>("name");
    QTest::newRow("none") << HttpError::None << QStringLiteral("none");
    QTest::newRow("invalid url") << HttpError::InvalidUrl << QStringLiteral("invalid-url");
    QTest::newRow("dns") << HttpError::DnsFailure << QStringLiteral("dns-failure");
    QTest::newRow("refused") << HttpError::ConnectionRefused
                             << QStringLiteral("connection-refused");
    QTest::newRow("timeout") << HttpError::Timeout << QStringLiteral("timeout");
    QTest::newRow("max time") << HttpError::MaxTimeReached << QStringLiteral("max-time");
    QTest::newRow("tls") << HttpError::TlsFailure << QStringLiteral("tls-failure");
    QTest::newRow("reset") << HttpError::ConnectionReset << QStringLiteral("connection-reset");
    QTest::newRow("too large") << HttpError::ResponseTooLarge
                               << QStringLiteral("response-too-large");
    QTest::newRow("protocol") << HttpError::Protocol << QStringLiteral("protocol");
    QTest::newRow("cancelled") << HttpError::Cancelled << QStringLiteral("cancelled");
    QTest::newRow("other") << HttpError::Other << QStringLiteral("other");
}

void HttpExchangeTest::errorName_isStable()
{
    QFETCH(HttpError, error);
    QFETCH(QString, name);
    QCOMPARE(httpErrorName(error), name);
}

void HttpExchangeTest::errorNames_areDistinct()
{
    QSet<QString> names;
    for (int value = int(HttpError::None); value <= int(HttpError::Other); ++value)
        names.insert(httpErrorName(HttpError(value)));
    QCOMPARE(names.size(), int(HttpError::Other) + 1);
}

void HttpExchangeTest::succeeded_needsAnAnswerAndNoError()
{
    HttpResult result;
    QVERIFY(!result.succeeded());
    result.status = 500;
    QVERIFY(result.succeeded());
    result.error = HttpError::ResponseTooLarge;
    QVERIFY(!result.succeeded());
}

QTEST_APPLESS_MAIN(HttpExchangeTest)
#include "tst_httpexchange.moc"
