#include "diagnostics/Suggestions.h"

#include <QTest>

#include <array>

using namespace studio;

class SuggestionsTest : public QObject
{
    Q_OBJECT

private slots:
    void closestMatch_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("expected"); // empty: no suggestion

        QTest::newRow("typo") << "descripton"
                              << "description";
        QTest::newRow("camelCase") << "webhookUrl"
                                   << "webhook_url";
        QTest::newRow("kebab") << "setup-completed-url"
                               << "setup_completed_url";
        QTest::newRow("upper case") << "TRIGGERS_ON"
                                    << "triggers_on";
        QTest::newRow("swap") << "webhook_ulr"
                              << "webhook_url";
        QTest::newRow("too far") << "callback"
                                 << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void closestMatch()
    {
        QFETCH(QString, word);
        QFETCH(QString, expected);
        static constexpr std::array<std::string_view, 5> candidates{
            "description", "webhook_url", "setup_completed_url", "triggers_on", "auth_steps"};
        const std::string input = word.toStdString();
        const auto match = studio::closestMatch(input, candidates);
        QCOMPARE(match ? QString::fromUtf8(match->data(), qsizetype(match->size())) : QString(),
                 expected);
    }

    void didYouMean_isSilentForAnExactWord()
    {
        static constexpr std::array<std::string_view, 1> candidates{"chat"};
        QCOMPARE(didYouMean("chat", candidates), std::string());
        QCOMPARE(didYouMean("caht", candidates), std::string(" (did you mean 'chat'?)"));
    }

    void editDistance_countsSwapsOnce()
    {
        QCOMPARE(editDistance("abcd", "abdc"), std::size_t(1));
        QCOMPARE(editDistance("", "abc"), std::size_t(3));
        QCOMPARE(editDistance("kitten", "sitting"), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(SuggestionsTest)
#include "tst_suggestions.moc"
