#include "HttpAnswer.h"

namespace studio {

using Answer = HttpAnswer;

Answer Answer::text(int status, const QByteArray &body)
{
    return Answer{
        .status = status, .headers = {{"Content-Type", "text/plain; charset=utf-8"}}, .body = body};
}

Answer Answer::json(int status, const QByteArray &json)
{
    return Answer{
        .status = status, .headers = {{"Content-Type", "application/json"}}, .body = json};
}

Answer Answer::html(int status, const QByteArray &html)
{
    return Answer{
        .status = status, .headers = {{"Content-Type", "text/html; charset=utf-8"}}, .body = html};
}

Answer Answer::redirect(int status, const QByteArray &location)
{
    return Answer{.status = status, .headers = {{"Location", location}}};
}

Answer Answer::chunked(const QByteArray &body, int pieceBytes, int intervalMs)
{
    return Answer{
        .mode = Mode::Chunked, .body = body, .pieceBytes = pieceBytes, .intervalMs = intervalMs};
}

Answer Answer::slowDrip(const QByteArray &body, int pieceBytes, int intervalMs)
{
    return Answer{
        .mode = Mode::SlowDrip, .body = body, .pieceBytes = pieceBytes, .intervalMs = intervalMs};
}

Answer Answer::hugeBody(qint64 bytes)
{
    return Answer{.mode = Mode::HugeBody,
                     .headers = {{"Content-Type", "application/octet-stream"}},
                     .hugeBytes = bytes};
}

Answer Answer::garbage(const QByteArray &bytes)
{
    return Answer{.mode = Mode::Garbage, .body = bytes};
}

Answer Answer::closeWithoutAnswer()
{
    return Answer{.mode = Mode::CloseWithoutAnswer};
}

Answer Answer::reset()
{
    return Answer{.mode = Mode::Reset};
}

Answer Answer::trickledBody(int intervalMs)
{
    return Answer{.mode = Mode::TrickledBody,
                     .headers = {{"Content-Type", "application/json"}},
                     .intervalMs = intervalMs};
}

Answer Answer::trickledHeaders(int intervalMs)
{
    return Answer{.mode = Mode::TrickledHeaders, .intervalMs = intervalMs};
}

Answer Answer::endlessInterim(int intervalMs, int status)
{
    return Answer{.mode = Mode::EndlessInterim, .status = status, .intervalMs = intervalMs};
}

Answer Answer::afterDelay(int milliseconds) const
{
    Answer changed = *this;
    changed.delayMs = milliseconds;
    return changed;
}

Answer Answer::heldUntilReleased() const
{
    Answer changed = *this;
    changed.held = true;
    return changed;
}

Answer Answer::withHeader(const QByteArray &name, const QByteArray &value) const
{
    Answer changed = *this;
    changed.headers.append({name, value});
    return changed;
}

Answer Answer::withInterim(int interimStatus) const
{
    Answer changed = *this;
    changed.interim.append(interimStatus);
    return changed;
}

} // namespace studio
