#include "SignatureCheck.h"

#include "WebhookSignature.h"

namespace studio {

namespace {

QString ordinal(int index)
{
    static const char *const names[] = {"first", "second", "third"};
    return index < 3 ? QString::fromLatin1(names[index]) : QStringLiteral("#%1").arg(index + 1);
}

} // namespace

SignatureCheck SignatureCheck::verify(QByteArrayView header, const QString &secret,
                                      const QString &uid, QByteArrayView body, qint64 nowSeconds,
                                      qint64 toleranceSeconds)
{
    namespace signature = webhook_signature;
    SignatureCheck check;
    const signature::ParsedHeader parsed = signature::parse(header);
    check.signatureCount = int(parsed.v1.size());
    if (!parsed.timestamp) {
        check.reason = parsed.timestampMalformed
                           ? QStringLiteral("bad format: t= is not a whole number of seconds")
                           : QStringLiteral("bad format: no t=<unix seconds> in the header");
        return check;
    }
    if (parsed.v1.isEmpty()) {
        check.reason = QStringLiteral("bad format: no v1=<hex> signature in the header");
        return check;
    }
    check.skewSeconds = nowSeconds - *parsed.timestamp;
    if (check.skewSeconds > toleranceSeconds || check.skewSeconds < -toleranceSeconds) {
        check.outcome = Outcome::Stale;
        check.reason =
            QStringLiteral("timestamp %1 is %2 s %3 now (%4), outside the +-%5 s "
                           "tolerance: a replay, or a clock that is off")
                .arg(*parsed.timestamp)
                .arg(qAbs(check.skewSeconds))
                .arg(check.skewSeconds > 0 ? QStringLiteral("before") : QStringLiteral("after"))
                .arg(nowSeconds)
                .arg(toleranceSeconds);
        return check;
    }
    const QByteArray expected = signature::hexDigest(secret, *parsed.timestamp, uid, body);
    // Every candidate is compared, whatever matched before it.
    for (int i = 0; i < parsed.v1.size(); ++i)
        if (signature::constantTimeEquals(expected, parsed.v1.at(i)) && check.matched < 0)
            check.matched = i;
    if (check.matched < 0) {
        check.outcome = Outcome::NoMatch;
        check.reason =
            QStringLiteral("no v1 signature matches (%1 in the header): another secret, another "
                           "uid, or a body that is not the exact bytes received")
                .arg(check.signatureCount);
        return check;
    }
    check.outcome = Outcome::Accepted;
    check.reason = check.signatureCount == 1 ? QStringLiteral("the v1 signature matches")
                                             : QStringLiteral("the %1 of %2 v1 signatures matches")
                                                   .arg(ordinal(check.matched))
                                                   .arg(check.signatureCount);
    return check;
}

} // namespace studio
