#pragma once

#include "http/HttpExchange.h"

#include <QString>

namespace studio {

struct SetupVerdict
{
    bool ready = false;
    QString reason; // not ready: "Plugin setup is not completed: <why>"
};

// What the app concludes from GET <setup_completed_url>?uid=<uid>: ready only on status
// 200 with a JSON object whose "is_setup_completed" is the boolean true. Anything else
// refuses to enable the plugin with "Plugin setup is not completed"; the reason says why.
class SetupCheckJudge
{
public:
    static SetupVerdict judge(const HttpResult &result);
    static QString refusal() { return QStringLiteral("Plugin setup is not completed"); }
};

} // namespace studio
