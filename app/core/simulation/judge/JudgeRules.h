#pragma once

namespace studio {

// Where the app's handling of answers differs between contracts (see contract/Contract).
// The defaults are the 2024 plugin index's.
struct JudgeRules
{
    // memory_creation: a message becomes a chat message and a push "<name> says" (2024), or
    // a chat message only (today).
    bool memoryMessageNotifies = true;
    // transcript_processed: the longest proactive prompt the app accepts (code points), and
    // whether a longer one notifies the user "Prompt too long ..." (2024) or is refused
    // without a word to the user (today).
    int proactivePromptLimit = 8000;
    bool promptTooLongNotifies = true;

    bool operator==(const JudgeRules &) const = default;
};

} // namespace studio
