#pragma once

#include <QByteArrayView>
#include <QString>

namespace studio {

// Whether a receiver that verifies as the backend's own verify() does would accept one
// delivery: its X-Omi-Signature value, the secret, the uid of the request's query and the
// exact body bytes, at `nowSeconds` with a tolerance of +-toleranceSeconds. Every v1 is
// compared, in constant time, so a header carrying the previous secret's signature too is
// accepted by either secret and says which one matched.
struct SignatureCheck
{
    enum class Outcome
    {
        Accepted,
        Malformed, // no t=, a t= that is not a whole number, or no v1=
        Stale,     // t is further than the tolerance from now, either way
        NoMatch,   // fresh, but no v1 is the HMAC of this body for this uid and secret
    };

    Outcome outcome = Outcome::Malformed;
    QString reason;         // one sentence for the author
    qint64 skewSeconds = 0; // now - t, when there is a t
    int signatureCount = 0; // the v1 values in the header
    int matched = -1;       // which v1 matched (0-based), when accepted

    bool accepted() const { return outcome == Outcome::Accepted; }

    static SignatureCheck verify(QByteArrayView header, const QString &secret, const QString &uid,
                                 QByteArrayView body, qint64 nowSeconds, qint64 toleranceSeconds);
};

} // namespace studio
