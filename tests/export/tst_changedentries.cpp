// A pull request answers for the entries it adds or changes: told by value against the base,
// whatever the layout, so reformatting the index or moving entries changes nothing.
#include "export/ChangedEntries.h"

#include <QTest>

using namespace studio;

class ChangedEntriesTest : public QObject
{
    Q_OBJECT

private slots:
    void addedAndEditedEntries_areChanged()
    {
        const auto changed = changedEntries(
            R"([{"id": "a", "name": "A"}, {"id": "b", "name": "B2"}, {"id": "c"}])",
            std::string_view(R"([{"id": "a", "name": "A"}, {"id": "b", "name": "B"}])"));
        QVERIFY(changed);
        QCOMPARE(changed->indices, (std::vector<std::size_t>{1, 2}));
        QCOMPARE(changed->ids, (std::vector<std::string>{"b", "c"}));
    }

    void layoutAndOrder_changeNothing()
    {
        const auto changed =
            changedEntries("[\n  {\"name\": \"B\", \"id\": \"b\"},\n  {\"id\": \"a\"}\n]\n",
                           std::string_view(R"([{"id":"a"},{"id":"b","name":"B"}])"));
        QVERIFY(changed);
        QVERIFY(changed->indices.empty());
    }

    void entryWithoutId_isChangedUnlessTheBaseHoldsIt()
    {
        const auto changed = changedEntries(R"([{"name": "same"}, {"name": "new"}])",
                                            std::string_view(R"([{"name": "same"}])"));
        QVERIFY(changed);
        QCOMPARE(changed->ids, (std::vector<std::string>{"#1"}));
    }

    void noBase_everyEntryIsNew()
    {
        const auto changed = changedEntries(R"([{"id": "a"}, {"id": "b"}])", std::nullopt);
        QVERIFY(changed);
        QCOMPARE(changed->ids, (std::vector<std::string>{"a", "b"}));
    }

    void brokenBase_everyEntryIsNew()
    {
        const auto changed = changedEntries(R"([{"id": "a"}])", std::string_view("[{"));
        QVERIFY(changed);
        QCOMPARE(changed->ids, (std::vector<std::string>{"a"}));
    }

    void notAnIndex_tellsNothing()
    {
        QVERIFY(!changedEntries(R"({"id": "a"})", std::nullopt));
        QVERIFY(!changedEntries("[{", std::nullopt));
    }
};

QTEST_GUILESS_MAIN(ChangedEntriesTest)
#include "tst_changedentries.moc"
