#include "LoopbackServer.h"

namespace studio::test {

namespace {

HttpServerOptions loopbackOptions(LoopbackServer::Scheme scheme)
{
    HttpServerOptions options;
    options.maxBodyBytes = 64 * 1024 * 1024;
    if (scheme == LoopbackServer::Scheme::Https) {
        options.certificatePath = LoopbackServer::certificatePath();
        options.privateKeyPath = LoopbackServer::privateKeyPath();
    }
    return options;
}

} // namespace

LoopbackServer::LoopbackServer(Scheme scheme, QObject *parent)
    : HttpServer(loopbackOptions(scheme), parent)
{}

QString LoopbackServer::certificatePath()
{
    return QStringLiteral(STUDIO_TEST_SUPPORT_DATA_DIR "/loopback-cert.pem");
}

QString LoopbackServer::privateKeyPath()
{
    return QStringLiteral(STUDIO_TEST_SUPPORT_DATA_DIR "/loopback-key.pem");
}

} // namespace studio::test
