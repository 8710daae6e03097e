#include "simulation/payload/MemoryGenerator.h"

#include <QTest>

using namespace studio;

namespace {

TranscriptSegment segment(const QString &text, double start, double end, int speaker = 0)
{
    TranscriptSegment s;
    s.text = text;
    s.speakerId = speaker;
    s.speaker = TranscriptSegment::speakerLabel(speaker);
    s.isUser = speaker == 0;
    s.start = start;
    s.end = end;
    return s;
}

QList<TranscriptSegment> chat()
{
    return {
        segment(QStringLiteral("Hi! How are you?"), 1, 2.5, 1),
        segment(
            QStringLiteral(
                "Good. We need to finalize the quarterly budget before Thursday's board meeting. "
                "It's tight."),
            3, 9),
        segment(QStringLiteral("Remind me to send the spreadsheet tonight."), 10, 12.75, 1),
        segment(QStringLiteral("Sure. I'll call the bank tomorrow morning about the loan."), 13,
                17)};
}

} // namespace

class MemoryGeneratorTest : public QObject
{
    Q_OBJECT

private slots:
    void fromTranscript_placesTheConversationOnTheBaseTime()
    {
        MemoryGenerationOptions options;
        options.conversationStart =
            *IsoDateTime::parse(QStringLiteral("2024-09-01T18:00:00+02:00"));
        const Memory memory = MemoryGenerator::fromTranscript(chat(), options);
        QCOMPARE(memory.startedAt->toPythonIso(), QStringLiteral("2024-09-01T18:00:00+02:00"));
        QCOMPARE(memory.finishedAt->toPythonIso(), QStringLiteral("2024-09-01T18:00:17+02:00"));
        QCOMPARE(memory.createdAt, *memory.finishedAt);
        QCOMPARE(memory.transcriptSegments, chat());
        QCOMPARE(memory.structured.emoji, QStringLiteral("\U0001F9E0"));
        QCOMPARE(memory.structured.category, QStringLiteral("other"));
        QVERIFY(memory.structured.events.isEmpty());
        QCOMPARE(memory.language, std::optional<QString>(QStringLiteral("en")));
    }

    void fromTranscript_isDeterministic()
    {
        MemoryGenerationOptions options;
        options.conversationStart = *IsoDateTime::parse(QStringLiteral("2024-09-01T18:00:00Z"));
        const Memory a = MemoryGenerator::fromTranscript(chat(), options);
        const Memory b = MemoryGenerator::fromTranscript(chat(), options);
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.id.size(), 36);
        QVERIFY(a == b);
        QList<TranscriptSegment> other = chat();
        other[0].text = QStringLiteral("Hello!");
        QVERIFY(MemoryGenerator::fromTranscript(other, options).id != a.id);
        options.id = QStringLiteral("fixed");
        QCOMPARE(MemoryGenerator::fromTranscript(chat(), options).id, QStringLiteral("fixed"));
    }

    void heuristics_takeTitleOverviewAndActionItemsFromTheText()
    {
        const QStringList sentences = MemoryGenerator::sentences(chat());
        QCOMPARE(sentences.size(), 8);
        QCOMPARE(MemoryGenerator::title(sentences),
                 QStringLiteral("We need to finalize the quarterly budget before\u2026"));
        QCOMPARE(MemoryGenerator::overview(sentences),
                 QStringLiteral(
                     "We need to finalize the quarterly budget before Thursday's board meeting. "
                     "Remind me to send the spreadsheet tonight. I'll call the bank tomorrow "
                     "morning about the loan."));
        const QList<ActionItem> items = MemoryGenerator::actionItems(sentences);
        QCOMPARE(items.size(), 3);
        QCOMPARE(items[0].description,
                 QStringLiteral(
                     "We need to finalize the quarterly budget before Thursday's board meeting"));
        QCOMPARE(items[1].description, QStringLiteral("Remind me to send the spreadsheet tonight"));
        QCOMPARE(items[2].description,
                 QStringLiteral("I'll call the bank tomorrow morning about the loan"));
        QVERIFY(!items[0].completed);
    }

    void heuristics_handleTinyAndEmptyTranscripts()
    {
        QCOMPARE(MemoryGenerator::title({}), QStringLiteral("Untitled conversation"));
        QCOMPARE(MemoryGenerator::title({QStringLiteral("ok.")}), QStringLiteral("Ok"));
        QCOMPARE(MemoryGenerator::overview({QStringLiteral("Yes.")}), QString());
        const Memory empty = MemoryGenerator::fromTranscript({});
        QVERIFY(empty.createdAt.isValid());
        QCOMPARE(empty.startedAt->epochMicros(), empty.finishedAt->epochMicros());
    }

    void overview_isCutAtAWordBoundary()
    {
        QStringList sentences;
        for (int i = 0; i < 3; ++i)
            sentences.append(
                QStringLiteral("This sentence is deliberately long enough to need cutting ")
                    .repeated(3)
                    .trimmed() +
                QLatin1Char('.'));
        const QString overview = MemoryGenerator::overview(sentences);
        QVERIFY(overview.size() <= 301);
        QVERIFY(overview.endsWith(QStringLiteral("\u2026")));
        QVERIFY(!overview.contains(QStringLiteral(" \u2026")));
    }
};

QTEST_GUILESS_MAIN(MemoryGeneratorTest)
#include "tst_memorygenerator.moc"
