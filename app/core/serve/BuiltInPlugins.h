#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace studio {

class HttpServer;

// The plugin guide's three kinds of plugin, built in and deterministic, so a plugin can be
// simulated before anything is deployed (`plugin-studio serve`, the window's built-in
// server):
//   POST /memory        memory_creation: a message from the memory's title and action items
//   POST /transcript    transcript_processed: accumulates segments per session, answers a
//                       notification when it hears someone commit to something
//   POST /proactive     proactive_notification: asks the app to answer the wearer's question
//   GET  /setup         the setup page (auth_steps), one button per uid
//   POST /setup/complete  that button: marks the uid as set up
//   GET  /setup/status  setup_completed_url: false until the button was pressed
//   GET  /              the endpoints above, with absolute URLs, for scripts and the studio
// The paths and answers are those of samples/plugin-server, so either can stand in for the
// other. State (sessions, set-up uids) lives in memory, bounded, and is lost on stop.
class BuiltInPlugins
{
public:
    // The port the window's server and the sample repository's plugins use.
    static constexpr quint16 kDefaultPort = 8780;

    struct Endpoint
    {
        QString name;
        QString trigger; // memory_creation, transcript_processed, proactive_notification,
                         // setup_completed, setup_page
        QByteArray path;
        QString does; // what it answers, in a line for the user
    };
    static QList<Endpoint> endpoints();

    // Routes every endpoint on `server`; its handlers share one state, on the server thread.
    static void install(HttpServer &server);
};

} // namespace studio
