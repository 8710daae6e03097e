#include "SetupPages.h"

#include <QUrlQuery>

namespace studio {

QByteArray SetupPages::setupPage(const QString &uid)
{
    return QStringLiteral("<!doctype html><meta charset=utf-8><title>Set up the sample "
                          "plugin</title><h1>Set up the sample plugin</h1>"
                          "<p>Setting up for user <code>%1</code>.</p>"
                          "<form method=post action=/setup/complete>"
                          "<input type=hidden name=uid value=\"%1\">"
                          "<button>Complete setup</button></form>")
        .arg(uid.toHtmlEscaped())
        .toUtf8();
}

QByteArray SetupPages::completedPage()
{
    return "<!doctype html><meta charset=utf-8><title>Done</title>"
           "<p>Setup completed. You can return to the app.</p>";
}

QByteArray SetupPages::noUidPage()
{
    return "<!doctype html><meta charset=utf-8><p>No uid: open this page from the app.</p>";
}

QString SetupPages::uidFromForm(const QByteArray &body)
{
    // Form encoding writes spaces as '+', which QUrlQuery leaves alone.
    QByteArray spaced = body;
    spaced.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(spaced)).queryItemValue(QStringLiteral("uid"),
                                                                QUrl::FullyDecoded);
}

} // namespace studio
