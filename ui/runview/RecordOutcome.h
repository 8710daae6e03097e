#pragma once

#include <QColor>
#include <QList>
#include <QString>

class QPalette;

namespace studio {

struct RunRecord;

// What one request came to, as the run views colour it. Coarser than the verdict: a failed
// request (no answer, transport error, status other than 200) is told apart from a 200
// answer the app drops or ignores, because the plugin author fixes them differently.
enum class RecordOutcome
{
    Notification, // the user sees a notification
    Silent,       // a valid answer asking for nothing
    Dropped,      // a 200 answer the app drops or cannot use
    Failed,       // no usable exchange: transport error or a status other than 200
    NotSent,      // the app held the request back: its circuit breaker was open
};
inline constexpr int kOutcomeCount = 5;

RecordOutcome outcomeOf(const RunRecord &record);
QList<RecordOutcome> allOutcomes();
// "notification", "silent", "dropped or ignored", "failed", "not sent"
QString outcomeName(RecordOutcome outcome);
// For narrow columns: "notification", "silent", "dropped", "failed", "not sent"
QString outcomeShortName(RecordOutcome outcome);
// Chosen to read on both the light and the dark palette, and apart for colour-blind eyes
// (blue, grey, amber, red, violet differ in lightness too).
QColor outcomeColour(RecordOutcome outcome, bool dark);
// True when the palette's window is dark: the run views pick their colours from it.
bool isDarkPalette(const QPalette &palette);

} // namespace studio
