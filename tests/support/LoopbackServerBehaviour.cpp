#include "LoopbackServerBehaviour.h"

namespace studio::test {

using Behaviour = LoopbackServerBehaviour;

Behaviour Behaviour::text(int status, const QByteArray &body)
{
    return Behaviour{
        .status = status, .headers = {{"Content-Type", "text/plain; charset=utf-8"}}, .body = body};
}

Behaviour Behaviour::json(int status, const QByteArray &json)
{
    return Behaviour{
        .status = status, .headers = {{"Content-Type", "application/json"}}, .body = json};
}

Behaviour Behaviour::redirect(int status, const QByteArray &location)
{
    return Behaviour{.status = status, .headers = {{"Location", location}}};
}

Behaviour Behaviour::chunked(const QByteArray &body, int pieceBytes, int intervalMs)
{
    return Behaviour{
        .mode = Mode::Chunked, .body = body, .pieceBytes = pieceBytes, .intervalMs = intervalMs};
}

Behaviour Behaviour::slowDrip(const QByteArray &body, int pieceBytes, int intervalMs)
{
    return Behaviour{
        .mode = Mode::SlowDrip, .body = body, .pieceBytes = pieceBytes, .intervalMs = intervalMs};
}

Behaviour Behaviour::hugeBody(qint64 bytes)
{
    return Behaviour{.mode = Mode::HugeBody,
                     .headers = {{"Content-Type", "application/octet-stream"}},
                     .hugeBytes = bytes};
}

Behaviour Behaviour::garbage(const QByteArray &bytes)
{
    return Behaviour{.mode = Mode::Garbage, .body = bytes};
}

Behaviour Behaviour::closeWithoutAnswer()
{
    return Behaviour{.mode = Mode::CloseWithoutAnswer};
}

Behaviour Behaviour::reset()
{
    return Behaviour{.mode = Mode::Reset};
}

Behaviour Behaviour::trickledBody(int intervalMs)
{
    return Behaviour{.mode = Mode::TrickledBody,
                     .headers = {{"Content-Type", "application/json"}},
                     .intervalMs = intervalMs};
}

Behaviour Behaviour::trickledHeaders(int intervalMs)
{
    return Behaviour{.mode = Mode::TrickledHeaders, .intervalMs = intervalMs};
}

Behaviour Behaviour::endlessInterim(int intervalMs, int status)
{
    return Behaviour{.mode = Mode::EndlessInterim, .status = status, .intervalMs = intervalMs};
}

Behaviour Behaviour::afterDelay(int milliseconds) const
{
    Behaviour changed = *this;
    changed.delayMs = milliseconds;
    return changed;
}

Behaviour Behaviour::heldUntilReleased() const
{
    Behaviour changed = *this;
    changed.held = true;
    return changed;
}

Behaviour Behaviour::withHeader(const QByteArray &name, const QByteArray &value) const
{
    Behaviour changed = *this;
    changed.headers.append({name, value});
    return changed;
}

Behaviour Behaviour::withInterim(int interimStatus) const
{
    Behaviour changed = *this;
    changed.interim.append(interimStatus);
    return changed;
}

} // namespace studio::test
