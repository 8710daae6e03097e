#pragma once

#include <QByteArray>
#include <QString>

namespace studio {

// The built-in setup flow's pages: what the app opens from auth_steps (a page per uid with
// one button), and what the button's form leads to.
class SetupPages
{
public:
    static QByteArray setupPage(const QString &uid);
    static QByteArray completedPage();
    static QByteArray noUidPage();
    // The `uid` field of an application/x-www-form-urlencoded body; empty when absent.
    static QString uidFromForm(const QByteArray &body);
};

} // namespace studio
