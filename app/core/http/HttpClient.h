#pragma once

#include "http/HttpExchange.h"

#include <QObject>

#include <memory>

namespace studio {

class HttpEngine;
class HttpReply;

// Sends HTTP requests the way the app calls a plugin, off the calling thread.
//
// One network thread runs libcurl's multi interface for every request of this client, so
// any number of exchanges are in flight at once and the GUI thread never waits on the
// network. Each send() returns a reply whose finished() signal carries the full HttpResult
// (what was sent, what came back, phase timings, or a plain-words failure).
//
// Thread-safe: send() may be called from any thread that runs a Qt event loop; the reply
// reports on that thread. Destroying the client cancels what is still in flight: each of
// those replies still finishes, with HttpError::Cancelled.
//
// Requests look like the app's (Python `requests`): its User-Agent, Accept-Encoding and
// Connection headers, no Expect: 100-continue, HTTP/1.1, its redirect rules (RedirectPolicy)
// and its timeout semantics (HttpRequest::timeoutMs).
class HttpClient : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kUserAgent = "python-requests/2.32.3";

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    HttpReply *send(const HttpRequest &request);

private:
    std::shared_ptr<HttpEngine> m_engine;
};

} // namespace studio
