#include "IntegrationCall.h"

namespace studio {

namespace {

const QByteArray kPrefix = "/v2/integrations/";

} // namespace

QString IntegrationCall::route() const
{
    QByteArray path = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    if (path.startsWith(kPrefix)) {
        const qsizetype slash = path.indexOf('/', kPrefix.size());
        if (slash > 0)
            return QString::fromUtf8(path.mid(slash + 1));
    }
    return QString::fromUtf8(path);
}

QString IntegrationCall::line() const
{
    QString text = QStringLiteral("%1 %2 %3 %4")
                       .arg(at.toLocalTime().toString(u"HH:mm:ss"), QString::fromLatin1(method),
                            route(), QString::number(status));
    if (!detail.isEmpty())
        text += u' ' + detail;
    // One line, whatever the app sent.
    text.replace(u'\n', u' ').replace(u'\r', u' ');
    return text;
}

} // namespace studio
