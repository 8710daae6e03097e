#pragma once

#include "Memory.h"

#include <QList>
#include <QString>

namespace studio {

struct MemoryGenerationOptions
{
    // When the conversation started (segment time 0). Invalid: the current time.
    IsoDateTime conversationStart;
    QString id; // empty: a uuid derived from the transcript, stable across runs
    QString language = QStringLiteral("en");
};

// Builds the memory the app would create at the end of a transcript, without a language
// model: started_at is the conversation start, finished_at (and created_at) the end of the
// last segment; the title, overview and action items come from the text by simple
// deterministic rules, so the same transcript always gives the same memory:
// - sentences are split at . ! ? and … ; a "long" sentence has at least four words;
// - title: the long sentence with the most distinct words of four letters or more among the
//   first twenty sentences (the earliest on a tie), cut to eight words;
// - overview: the first three long sentences, cut to 300 characters at a word boundary;
// - action items: up to five sentences that commit to something ("remind me to", "I need
//   to", "we need to", "don't forget", "I'll", "I will", "let's"), in order, without repeats;
// - emoji the brain, category "other", no events (dates are not guessed).
class MemoryGenerator
{
public:
    static Memory fromTranscript(const QList<TranscriptSegment> &segments,
                                 const MemoryGenerationOptions &options = {});

    static QStringList sentences(const QList<TranscriptSegment> &segments);
    static QString title(const QStringList &sentences);
    static QString overview(const QStringList &sentences);
    static QList<ActionItem> actionItems(const QStringList &sentences);
};

} // namespace studio
