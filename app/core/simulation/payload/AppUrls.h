#pragma once

#include <QString>

namespace studio {

// The URLs the app builds around a plugin's. The uid is the only identity the app sends.
class AppUrls
{
public:
    // The webhook the app POSTs to: "&uid=" when the URL already has a '?', else "?uid=".
    static QString webhook(const QString &webhookUrl, const QString &uid);
    // The setup check: GET setup_completed_url + "?uid=" + uid. The app always writes '?',
    // so a setup URL that already has a query string ends up with two (see hasQuery()).
    static QString setupCheck(const QString &setupCompletedUrl, const QString &uid);
    // An auth_steps button: the app opens url + "?uid=" + uid, again without looking for an
    // existing '?'. (Links inside the setup instructions follow another rule, see
    // markdown/UidAppender.)
    static QString authStepLink(const QString &url, const QString &uid);

    // audio_bytes: url + "?sample_rate=" + rate + "&uid=" + uid. The app always writes '?',
    // so a webhook URL with a query string gets two (the validation warns: PS305).
    static QString audioBytes(const QString &webhookUrl, int sampleRate, const QString &uid);

    // The uid percent-encoded for a query string (RFC 3986 unreserved characters stay).
    static QString encodedUid(const QString &uid);
    static bool hasQuery(const QString &url) { return url.contains(QLatin1Char('?')); }
};

} // namespace studio
