#pragma once

#include "http/HttpExchange.h"

#include <QObject>

#include <memory>

namespace studio {

class HttpEngine;
class HttpReplyChannel;
class HttpReplyInbox;

// The handle of one exchange started by HttpClient::send(). It lives on the thread that
// called send() and emits finished() there exactly once, with the whole result (a failure or
// a cancellation is a result too), then deletes itself as soon as finished() returns: do not
// delete it from a slot of finished(), nor use it after. Keep a QPointer if you may call
// abort() later; deleting the reply before it finished is allowed and abandons the exchange.
class HttpReply : public QObject
{
    Q_OBJECT

public:
    ~HttpReply() override;

    // Stops the exchange; finished() follows with HttpError::Cancelled (or with the real
    // result if it had already completed). Does nothing after finished().
    void abort();
    bool isFinished() const { return m_finished; }

signals:
    void finished(const studio::HttpResult &result);

private:
    friend class HttpClient;
    friend class HttpReplyChannel;

    explicit HttpReply(std::weak_ptr<HttpEngine> engine);
    void complete(const HttpResult &result);

    std::shared_ptr<HttpReplyInbox> m_inbox; // before the channel, which points to it
    std::shared_ptr<HttpReplyChannel> m_channel;
    std::weak_ptr<HttpEngine> m_engine;
    bool m_finished = false;
};

} // namespace studio

Q_DECLARE_METATYPE(studio::HttpResult)
