#include "simulation/engine/ReplaySpeed.h"

#include <QTest>

using namespace studio;

class ReplaySpeedTest : public QObject
{
    Q_OBJECT

private slots:
    void parse_acceptsFactorsAndFast_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fast");
        QTest::addColumn<double>("factor");
        QTest::newRow("real time") << QStringLiteral("1") << false << 1.0;
        QTest::newRow("integer") << QStringLiteral("100") << false << 100.0;
        QTest::newRow("fraction") << QStringLiteral("2.5") << false << 2.5;
        QTest::newRow("slower") << QStringLiteral("0.5") << false << 0.5;
        QTest::newRow("with x") << QStringLiteral("10x") << false << 10.0;
        QTest::newRow("spaces") << QStringLiteral(" 4 ") << false << 4.0;
        QTest::newRow("fast") << QStringLiteral("fast") << true << 0.0;
        QTest::newRow("FAST") << QStringLiteral("FAST") << true << 0.0;
    }

    void parse_acceptsFactorsAndFast()
    {
        QFETCH(QString, text);
        QFETCH(bool, fast);
        QFETCH(double, factor);
        const auto speed = ReplaySpeed::parse(text);
        QVERIFY(speed.has_value());
        QCOMPARE(speed->isFast(), fast);
        QCOMPARE(speed->reportedFactor(), factor);
    }

    void parse_refusesWhatIsNotASpeed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-2");
        QTest::newRow("word") << QStringLiteral("quick");
        QTest::newRow("too fast") << QStringLiteral("1000000");
        QTest::newRow("not a number") << QStringLiteral("nan");
    }

    void parse_refusesWhatIsNotASpeed()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!ReplaySpeed::parse(text, &error).has_value());
        QVERIFY2(error.contains(u"not a speed factor"), qPrintable(error));
    }

    void describe_saysWhatTheReplayDoes()
    {
        QCOMPARE(ReplaySpeed::realTime().describe(), QStringLiteral("real time"));
        QCOMPARE(ReplaySpeed::times(10).describe(), QStringLiteral("10x"));
        QCOMPARE(ReplaySpeed::fast().describe(), QStringLiteral("as fast as possible"));
    }
};

QTEST_GUILESS_MAIN(ReplaySpeedTest)
#include "tst_replayspeed.moc"
