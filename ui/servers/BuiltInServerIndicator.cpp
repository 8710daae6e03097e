#include "BuiltInServerIndicator.h"

#include "BuiltInServer.h"
#include "serve/BuiltInPlugins.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>

namespace studio {

BuiltInServerIndicator::BuiltInServerIndicator(BuiltInServer *server, QAction *toggle,
                                               QWidget *parent)
    : QToolButton(parent)
    , m_server(server)
{
    setObjectName(QStringLiteral("builtInServerIndicator"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setPopupMode(QToolButton::InstantPopup);
    // Words in the status bar, not a button with an arrow drawn over them.
    setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; width: 0; }"));
    setFocusPolicy(Qt::NoFocus); // the menu's action has its place in the Simulate menu
    auto *menu = new QMenu(this);
    menu->addAction(toggle);
    m_copy = menu->addAction(tr("&Copy Base URL"), this, [this] {
        QGuiApplication::clipboard()->setText(m_server->baseUrl());
    });
    setMenu(menu);
    connect(server, &BuiltInServer::stateChanged, this, &BuiltInServerIndicator::refresh);
    // The count in the tooltip only; the tooltip is read when it shows.
    connect(server, &BuiltInServer::requestServed, this,
            [this] { setToolTip(describe(*m_server)); });
    refresh();
}

void BuiltInServerIndicator::refresh()
{
    setText(m_server->statusText());
    setToolTip(describe(*m_server));
    m_copy->setEnabled(m_server->isRunning());
}

QString BuiltInServerIndicator::describe(const BuiltInServer &server)
{
    const int served = server.requestsServed();
    const QString answered = served == 1 ? tr("1 request") : tr("%1 requests").arg(served);
    QString text;
    switch (server.state()) {
    case BuiltInServer::State::Running:
        text = tr("<b>Built-in plugins</b> at %1, %2 answered.")
                   .arg(server.baseUrl().toHtmlEscaped(), answered);
        break;
    case BuiltInServer::State::Stopped:
        text = tr("<b>Built-in plugins</b>: stopped. Start them from this menu or the "
                  "Simulate menu.");
        break;
    case BuiltInServer::State::PortInUse:
        text = tr("<b>Built-in plugins</b>: another program listens on port %1, perhaps "
                  "another studio or <code>plugin-studio serve</code>; plugins pointed at "
                  "that port reach it instead. Once it is gone, start them again from "
                  "this menu.")
                   .arg(server.requestedPort());
        break;
    case BuiltInServer::State::Failed:
        text = tr("<b>Built-in plugins</b>: not running: %1")
                   .arg(server.errorString().toHtmlEscaped());
        break;
    }
    const QString base = server.isRunning()
                             ? server.baseUrl()
                             : QStringLiteral("http://127.0.0.1:%1").arg(server.requestedPort());
    text += QStringLiteral("<table cellspacing=\"2\">");
    for (const BuiltInPlugins::Endpoint &endpoint : BuiltInPlugins::endpoints())
        text += QStringLiteral("<tr><td><code>%1</code></td><td>%2: %3</td></tr>")
                    .arg(QString(base + QString::fromLatin1(endpoint.path)).toHtmlEscaped(),
                         endpoint.trigger.toHtmlEscaped(), endpoint.does.toHtmlEscaped());
    text += QStringLiteral("</table>");
    text += tr("Point a plugin's webhook at one of these to try it with nothing deployed; the "
               "sample repository's plugins already do.");
    return text;
}

} // namespace studio
