#pragma once

#include "http/HttpExchange.h"

#include <QByteArray>
#include <QString>

namespace studio {

// What one request of an exchange sends. An exchange is one hop, or several when the server
// redirects; each redirect may change the method, the body and the headers.
struct HttpHop
{
    QByteArray method;
    QString url;
    HttpHeaders headers;
    QByteArray body;
};

} // namespace studio
