#include "RecordOutcome.h"

#include "simulation/report/RunRecord.h"

#include <QPalette>

namespace studio {

RecordOutcome outcomeOf(const RunRecord &record)
{
    if (!record.sent())
        return RecordOutcome::NotSent;
    if (record.requestFailed())
        return RecordOutcome::Failed;
    switch (record.verdict.kind) {
    case ResponseVerdict::Kind::Notification:
        return RecordOutcome::Notification;
    case ResponseVerdict::Kind::Silent:
        return RecordOutcome::Silent;
    case ResponseVerdict::Kind::Dropped:
    case ResponseVerdict::Kind::Ignored:
        break;
    }
    return RecordOutcome::Dropped;
}

QList<RecordOutcome> allOutcomes()
{
    return {RecordOutcome::Notification, RecordOutcome::Silent, RecordOutcome::Dropped,
            RecordOutcome::Failed, RecordOutcome::NotSent};
}

QString outcomeName(RecordOutcome outcome)
{
    switch (outcome) {
    case RecordOutcome::Notification:
        return QStringLiteral("notification");
    case RecordOutcome::Silent:
        return QStringLiteral("silent");
    case RecordOutcome::Dropped:
        return QStringLiteral("dropped or ignored");
    case RecordOutcome::NotSent:
        return QStringLiteral("not sent");
    case RecordOutcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

QString outcomeShortName(RecordOutcome outcome)
{
    return outcome == RecordOutcome::Dropped ? QStringLiteral("dropped") : outcomeName(outcome);
}

QColor outcomeColour(RecordOutcome outcome, bool dark)
{
    switch (outcome) {
    case RecordOutcome::Notification:
        return dark ? QColor(0x4d, 0x9c, 0xf5) : QColor(0x1f, 0x6f, 0xd6);
    case RecordOutcome::Silent:
        return dark ? QColor(0x9a, 0xa0, 0xa8) : QColor(0x8a, 0x90, 0x98);
    case RecordOutcome::Dropped:
        return dark ? QColor(0xf0, 0xb4, 0x3c) : QColor(0xd9, 0x8a, 0x00);
    case RecordOutcome::NotSent:
        return dark ? QColor(0xb3, 0x8c, 0xe6) : QColor(0x6f, 0x42, 0xc1);
    case RecordOutcome::Failed:
        break;
    }
    return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f);
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace studio
