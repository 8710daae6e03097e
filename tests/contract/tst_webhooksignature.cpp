#include "PythonHmac.h"
#include "contract/Contract.h"
#include "contract/apps2026/SignatureCheck.h"
#include "contract/apps2026/WebhookSignature.h"

#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

const QString kSecret = QStringLiteral("whsec_5mX0c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz");
constexpr qint64 kT = 1'767'225'600; // 2026-01-01T00:00:00Z

QByteArray headerFor(const QString &secret, qint64 t, const QString &uid, const QByteArray &body)
{
    return webhook_signature::headerValue(secret, t, uid, body);
}

QByteArray headerNamed(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers)
        if (key == name)
            return value;
    return {};
}

} // namespace

// The v1 webhook signature of today's backend: computed, carried in the contract's headers,
// and verified as a receiver verifies it. Python's hmac, run as a real process, is the
// independent implementation the signatures are checked against.
class WebhookSignatureTest : public QObject
{
    Q_OBJECT

private slots:
    void hexDigest_isWhatPythonsHmacComputes_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("uid");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("compact JSON") << kSecret << QStringLiteral("plugin-studio-test-uid")
                                      << QByteArray(R"({"session_id":"u","segments":[]})");
        QTest::newRow("UTF-8 body and uid") << kSecret << QStringLiteral("ü-ser 1")
                                            << QStringLiteral(R"({"text":"héllo — 🎉"})").toUtf8();
        QTest::newRow("empty body") << kSecret << QStringLiteral("u1") << QByteArray();
        QTest::newRow("binary body, secret without prefix")
            << QStringLiteral("plain-secret") << QStringLiteral("u1")
            << QByteArray("\x00\xff\x10 bytes", 9);
    }

    void hexDigest_isWhatPythonsHmacComputes()
    {
        QFETCH(QString, secret);
        QFETCH(QString, uid);
        QFETCH(QByteArray, body);
        const QByteArray python = pythonHmacHex(secret, kT, uid, body);
        QVERIFY2(python.size() == 64, "python3 did not compute a signature");
        QCOMPARE(webhook_signature::hexDigest(secret, kT, uid, body), python);
    }

    void headers_areTheContractsAndCarryTheEvent()
    {
        const Contract &apps = Contract::apps2026();
        QVERIFY(apps.signsWebhooks());
        QCOMPARE(apps.webhookEvent(AppTrigger::MemoryCreation), QByteArray("memory_created"));
        QCOMPARE(apps.webhookEvent(AppTrigger::TranscriptProcessed),
                 QByteArray("transcript_processed"));
        const QByteArray body = "{\"id\":\"c1\"}";
        const HttpHeaders headers = apps.signatureHeaders(
            kSecret, {AppTrigger::MemoryCreation, QStringLiteral("u1"), body, kT, "d-1"});
        QCOMPARE(headers.size(), 3);
        QCOMPARE(headerNamed(headers, "X-Omi-Signature"),
                 "t=" + QByteArray::number(kT) +
                     ",v1=" + pythonHmacHex(kSecret, kT, QStringLiteral("u1"), body));
        QCOMPARE(headerNamed(headers, "X-Omi-Event"), QByteArray("memory_created"));
        QCOMPARE(headerNamed(headers, "X-Omi-Delivery"), QByteArray("d-1"));

        // The 2024 app never signed.
        const Contract &old = Contract::plugins2024();
        QVERIFY(!old.signsWebhooks());
        QVERIFY(old.signatureHeaders(
                       kSecret, {AppTrigger::MemoryCreation, QStringLiteral("u1"), body, kT, "d-1"})
                    .isEmpty());
    }

    void parse_readsAsTheBackendReads()
    {
        const auto parsed = webhook_signature::parse(" t=12 , v2=abc,v1=aa,v1=,x, v1=bb ");
        QCOMPARE(parsed.timestamp, std::optional<qint64>(12));
        QCOMPARE(parsed.v1, (QList<QByteArray>{"aa", "bb"}));
        QVERIFY(!webhook_signature::parse("t=1.5,v1=aa").timestamp);
        QVERIFY(webhook_signature::parse("t=1.5,v1=aa").timestampMalformed);
        QVERIFY(webhook_signature::constantTimeEquals("abc", "abc"));
        QVERIFY(!webhook_signature::constantTimeEquals("abc", "abd"));
        QVERIFY(!webhook_signature::constantTimeEquals("abc", "abcd"));
    }

    void verify_acceptsWithinTheToleranceEitherWay_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("tolerance");
        QTest::addColumn<int>("outcome");
        const int accepted = int(SignatureCheck::Outcome::Accepted);
        const int stale = int(SignatureCheck::Outcome::Stale);
        QTest::newRow("same second") << kT << qint64(300) << accepted;
        QTest::newRow("300 s later: the edge") << kT + 300 << qint64(300) << accepted;
        QTest::newRow("301 s later") << kT + 301 << qint64(300) << stale;
        QTest::newRow("300 s early: the edge") << kT - 300 << qint64(300) << accepted;
        QTest::newRow("301 s early") << kT - 301 << qint64(300) << stale;
        QTest::newRow("a tighter tolerance") << kT + 10 << qint64(5) << stale;
        QTest::newRow("a wider tolerance") << kT + 1000 << qint64(3600) << accepted;
    }

    void verify_acceptsWithinTheToleranceEitherWay()
    {
        QFETCH(qint64, now);
        QFETCH(qint64, tolerance);
        QFETCH(int, outcome);
        const QByteArray body = "{}";
        const SignatureCheck check =
            SignatureCheck::verify(headerFor(kSecret, kT, QStringLiteral("u1"), body), kSecret,
                                   QStringLiteral("u1"), body, now, tolerance);
        QCOMPARE(int(check.outcome), outcome);
        QCOMPARE(check.skewSeconds, now - kT);
        if (check.outcome == SignatureCheck::Outcome::Stale)
            QVERIFY2(check.reason.contains(QStringLiteral("%1 s").arg(qAbs(now - kT))),
                     qPrintable(check.reason));
    }

    void verify_saysWhichOfSeveralMatched()
    {
        const QByteArray body = "{\"a\":1}";
        const QString previous = QStringLiteral("whsec_previous");
        // During a rotation: the current secret first, the previous one second.
        const QByteArray header =
            headerFor(kSecret, kT, QStringLiteral("u1"), body) +
            ",v1=" + webhook_signature::hexDigest(previous, kT, QStringLiteral("u1"), body);
        const SignatureCheck byPrevious =
            SignatureCheck::verify(header, previous, QStringLiteral("u1"), body, kT, 300);
        QVERIFY(byPrevious.accepted());
        QCOMPARE(byPrevious.signatureCount, 2);
        QCOMPARE(byPrevious.matched, 1);
        QVERIFY2(byPrevious.reason.contains(u"second of 2"), qPrintable(byPrevious.reason));
        const SignatureCheck byCurrent =
            SignatureCheck::verify(header, kSecret, QStringLiteral("u1"), body, kT, 300);
        QCOMPARE(byCurrent.matched, 0);
    }

    void verify_rejects_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("uid");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("reason");
        const QByteArray body = "{\"a\":1}";
        const QByteArray good = headerFor(kSecret, kT, QStringLiteral("u1"), body);
        const int malformed = int(SignatureCheck::Outcome::Malformed);
        const int noMatch = int(SignatureCheck::Outcome::NoMatch);
        QTest::newRow("no t") << QByteArray("v1=abc") << QStringLiteral("u1") << body << malformed
                              << QStringLiteral("no t=");
        QTest::newRow("t not a number") << QByteArray("t=soon,v1=abc") << QStringLiteral("u1")
                                        << body << malformed << QStringLiteral("whole number");
        QTest::newRow("no v1") << "t=" + QByteArray::number(kT) + ",v2=abc" << QStringLiteral("u1")
                               << body << malformed << QStringLiteral("no v1=");
        QTest::newRow("another uid") << good << QStringLiteral("u2") << body << noMatch
                                     << QStringLiteral("no v1 signature matches");
        QTest::newRow("the body re-serialized")
            << good << QStringLiteral("u1") << QByteArray("{\"a\": 1}") << noMatch
            << QStringLiteral("exact bytes");
    }

    void verify_rejects()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, uid);
        QFETCH(QByteArray, body);
        QFETCH(int, outcome);
        QFETCH(QString, reason);
        const SignatureCheck check = SignatureCheck::verify(header, kSecret, uid, body, kT, 300);
        QVERIFY(!check.accepted());
        QCOMPARE(int(check.outcome), outcome);
        QVERIFY2(check.reason.contains(reason), qPrintable(check.reason));
    }
};

QTEST_GUILESS_MAIN(WebhookSignatureTest)
#include "tst_webhooksignature.moc"
