#pragma once

#include "json/JsonParser.h"

#include <QString>
#include <QStringList>

namespace studio {

// A proactive notification request, {"notification": {"prompt", "params", "context"}}, as
// the app would turn it into a prompt for its own model.
struct ProactiveOutcome
{
    QString prompt;              // as the plugin sent it
    QStringList requestedParams; // "params" as sent
    QStringList filledParams;    // requested AND declared in the manifest's scopes
    QStringList unfilledParams;  // requested but not declared: their {{placeholders}} stay
    Json context;                // "context" as sent (used with the user_context scope)
    QString modelInput;          // the prompt with the placeholders filled: what the model gets
};

} // namespace studio
