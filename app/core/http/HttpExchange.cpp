#include "HttpExchange.h"

namespace studio {

QString httpErrorName(HttpError error)
{
    switch (error) {
    case HttpError::None:
        return QStringLiteral("none");
    case HttpError::InvalidUrl:
        return QStringLiteral("invalid-url");
    case HttpError::DnsFailure:
        return QStringLiteral("dns-failure");
    case HttpError::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case HttpError::Timeout:
        return QStringLiteral("timeout");
    case HttpError::MaxTimeReached:
        return QStringLiteral("max-time");
    case HttpError::TlsFailure:
        return QStringLiteral("tls-failure");
    case HttpError::ConnectionReset:
        return QStringLiteral("connection-reset");
    case HttpError::ResponseTooLarge:
        return QStringLiteral("response-too-large");
    case HttpError::Protocol:
        return QStringLiteral("protocol");
    case HttpError::Cancelled:
        return QStringLiteral("cancelled");
    case HttpError::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

} // namespace studio
