// Which webhook URLs the engine sends itself (PlainHttpTarget::of, on every URL a kept-alive
// request goes to: a manifest's, --url, a redirect's Location): whatever the text, either
// libcurl's or a literal address whose pieces are what QUrl reads in the same URL.

#include "FuzzCheck.h"
#include "http/PlainHttpTarget.h"

#include <QUrl>

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString url = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<PlainHttpTarget> target = PlainHttpTarget::of(url);
    if (!target)
        return 0;
    FUZZ_CHECK(target->url.startsWith(QStringLiteral("http://")));
    FUZZ_CHECK(target->target.startsWith('/'));
    FUZZ_CHECK(!target->target.contains('#') && !target->target.contains(' '));
    FUZZ_CHECK(target->port >= 1 && target->port <= 65535);
    FUZZ_CHECK(target->addressLength > 0);
    FUZZ_CHECK(!target->hostHeader.isEmpty() && target->origin() == target->hostHeader);
    // What libcurl would be told (the URL as QUrl encodes it) names the same place.
    const QUrl parsed(target->url, QUrl::StrictMode);
    FUZZ_CHECK(parsed.isValid());
    FUZZ_CHECK(parsed.port(80) == target->port);
    FUZZ_CHECK(parsed.host() == target->host || parsed.host() == u'[' + target->host + u']');
    FUZZ_CHECK(parsed.toEncoded(QUrl::FullyEncoded) == target->url.toLatin1() ||
               parsed.toEncoded(QUrl::FullyEncoded) + '/' == target->url.toLatin1());
    return 0;
}
