#include "simulation/faults/FaultPlan.h"

#include <QTest>

using namespace studio;

// The --faults grammar: every kind, combined with commas, written back the same, and each
// mistake named with its place.
class FaultPlanTest : public QObject
{
    Q_OBJECT

private slots:
    void parse_readsEveryKind()
    {
        const ParsedFaults parsed = FaultPlan::parse(
            u"duplicate:0.1, reorder:0.25,burst,gap:0.05,slow-network:200,restart");
        QVERIFY2(parsed.plan, qPrintable(parsed.error));
        const FaultPlan &plan = *parsed.plan;
        QCOMPARE(plan.duplicate, 0.1);
        QCOMPARE(plan.reorder, 0.25);
        QVERIFY(plan.burst);
        QCOMPARE(plan.gap, 0.05);
        QCOMPARE(plan.slowNetworkMs, 200);
        QVERIFY(plan.restart);
        QVERIFY(plan.any());
    }

    void spec_isReadBackAsTheSamePlan()
    {
        const QString spec = QStringLiteral("duplicate:0.1,reorder:1,burst,gap:0.5,"
                                            "slow-network:15,restart");
        const ParsedFaults parsed = FaultPlan::parse(spec);
        QVERIFY(parsed.plan);
        QCOMPARE(parsed.plan->spec(), spec);
        QCOMPARE(FaultPlan::parse(parsed.plan->spec()).plan->spec(), spec);
    }

    void zeroProbabilities_injectNothing()
    {
        const ParsedFaults parsed = FaultPlan::parse(u"duplicate:0,gap:0");
        QVERIFY(parsed.plan);
        QVERIFY(!parsed.plan->any());
        QCOMPARE(parsed.plan->spec(), QString());
    }

    void mistakes_sayWhatAndWhere_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown") << QStringLiteral("duplicate:0.1,dup:0.1")
                                 << QStringLiteral("item 2 'dup:0.1': unknown fault");
        QTest::newRow("no probability")
            << QStringLiteral("gap") << QStringLiteral("item 1 'gap': needs a probability");
        QTest::newRow("above one") << QStringLiteral("burst,reorder:1.5")
                                   << QStringLiteral("item 2 'reorder:1.5': needs a probability");
        QTest::newRow("not a number")
            << QStringLiteral("duplicate:often") << QStringLiteral("needs a probability");
        QTest::newRow("nan") << QStringLiteral("gap:nan") << QStringLiteral("needs a probability");
        QTest::newRow("value on a flag")
            << QStringLiteral("burst:2") << QStringLiteral("item 1 'burst:2': takes no value");
        QTest::newRow("twice") << QStringLiteral("gap:0.1,gap:0.2")
                               << QStringLiteral("item 2 'gap:0.2': 'gap' is given twice");
        QTest::newRow("empty item")
            << QStringLiteral("burst,,restart") << QStringLiteral("item 2 '': empty");
        QTest::newRow("empty") << QString() << QStringLiteral("item 1 '': empty");
        QTest::newRow("negative delay") << QStringLiteral("slow-network:-5")
                                        << QStringLiteral("needs whole milliseconds");
        QTest::newRow("huge delay") << QStringLiteral("slow-network:99999999")
                                    << QStringLiteral("needs whole milliseconds");
    }

    void mistakes_sayWhatAndWhere()
    {
        QFETCH(QString, spec);
        QFETCH(QString, error);
        const ParsedFaults parsed = FaultPlan::parse(spec);
        QVERIFY(!parsed.plan);
        QVERIFY2(parsed.error.contains(error), qPrintable(parsed.error));
    }
};

QTEST_APPLESS_MAIN(FaultPlanTest)
#include "tst_faultplan.moc"
