#pragma once

#include "server/HttpServer.h"

namespace studio::test {

// The project's HttpServer on 127.0.0.1 and a free port, as the tests use it: plain HTTP,
// or HTTPS with the self-signed certificate of certificatePath() (CN=localhost, SAN
// localhost and 127.0.0.1: trust it as the CA file). It keeps every request, and takes
// bodies up to 64 MB so that tests of large uploads reach their route.
//
//   LoopbackServer server;                       // or LoopbackServer(Scheme::Https)
//   server.setRoute("/hook", LoopbackServer::Behaviour::json(200, R"({"message":"hi"})"));
//   ... send to server.url("/hook?uid=u1") ...
//   QVERIFY(server.waitForRequests(1));
//   QCOMPARE(server.requests().first().method, "POST");
class LoopbackServer : public HttpServer
{
    Q_OBJECT

public:
    using Behaviour = HttpAnswer;
    using ReceivedRequest = HttpServerRequest;

    enum class Scheme
    {
        Http,
        Https
    };

    explicit LoopbackServer(Scheme scheme = Scheme::Http, QObject *parent = nullptr);

    static QString certificatePath();
    static QString privateKeyPath();
};

} // namespace studio::test
