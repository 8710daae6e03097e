#pragma once

#include "JudgeContext.h"
#include "ResponseVerdict.h"
#include "http/HttpExchange.h"

#include <optional>

namespace studio {

// What the app does with a plugin's answer, as a pure function of the exchange: the
// backend's rules (utils/plugins.py of July-December 2024; where today's apps differ, the
// context's JudgeRules say how), not a guess.
//
// Both events: no answer within the timeout, a transport error or a status other than 200
// is ignored (logged on the server, no retry); so is a body that is not JSON.
//
// memory_creation: a JSON object whose "message" is a non-empty string becomes a chat
// message and (2024 only) a notification "<name> says". Anything falsy ({} , "", null) is
// silent; a non-object or a non-string message is ignored.
//
// transcript_processed: an empty answer ({}, [], null, "") is silent; a non-object is
// ignored. A string "message" longer than 5 characters (Python len: code points) becomes a
// notification and a chat message; 5 or fewer is dropped; any other type breaks the answer.
// Then, only for plugins with the proactive_notification capability, "notification":
// {"prompt", "params", "context"}: a prompt over the limit (8000 characters in 2024) makes
// the app notify "Prompt too long: N/8000 characters. Please shorten." (today: 128,000,
// refused silently); params are kept only if the manifest declares them as scopes; their
// {{placeholders}} are filled; at most one per user per plugin per 30 s
// (JudgeContext::proactiveBlockedUntil); the model's text is shown unless it is under 5
// characters. A malformed "notification" is ignored but a message already shown
// stays shown.
class AppResponseJudge
{
public:
    static constexpr int kMinimumTranscriptMessage = 6; // "longer than 5"
    static constexpr int kMinimumGeneratedMessage = 5;  // "under 5 is dropped"

    static ResponseVerdict judge(const HttpResult &result, const JudgeContext &context);

    // Python's len() of a str: Unicode code points, so an emoji counts as one.
    static int codePoints(const QString &text);
    // The plugin's prompt with {{user_name}} ... replaced for the given scopes, runs of four
    // spaces removed and the ends trimmed, as the app does before calling its model.
    static QString fillPrompt(const QString &prompt, const QStringList &scopes,
                              const SimulatedUser &user);
};

} // namespace studio
