#include "simulation/load/LatencyHistogram.h"
#include "simulation/report/RunSummary.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace studio;

// The whole run's latencies in constant memory: every percentile within 1% of the exact
// nearest-rank value RunSummary computes from all the values.
class LatencyHistogramTest : public QObject
{
    Q_OBJECT

private slots:
    void empty_hasNoFigures()
    {
        const LatencyHistogram histogram;
        QCOMPARE(histogram.count(), qint64(0));
        QVERIFY(!histogram.minMs());
        QVERIFY(!histogram.maxMs());
        QVERIFY(!histogram.percentileMs(50));
    }

    void percentiles_areWithinOnePercentOfTheExactOnes_data()
    {
        QTest::addColumn<double>("lowestMs");
        QTest::addColumn<double>("highestMs");
        QTest::newRow("sub-millisecond") << 0.05 << 0.9;
        QTest::newRow("a fast plugin") << 1.0 << 50.0;
        QTest::newRow("a slow plugin") << 100.0 << 30'000.0;
        QTest::newRow("everything") << 0.001 << 600'000.0;
    }

    void percentiles_areWithinOnePercentOfTheExactOnes()
    {
        QFETCH(double, lowestMs);
        QFETCH(double, highestMs);
        QRandomGenerator random(42);
        LatencyHistogram histogram;
        QList<double> values;
        for (int i = 0; i < 20'000; ++i) {
            // Spread evenly over the orders of magnitude, as latencies are.
            const double exponent =
                std::log(lowestMs) +
                random.generateDouble() * (std::log(highestMs) - std::log(lowestMs));
            const double value = std::round(std::exp(exponent) * 1000.0) / 1000.0; // whole µs
            values.append(value);
            histogram.add(value);
        }
        std::sort(values.begin(), values.end());
        QCOMPARE(histogram.count(), qint64(values.size()));
        QCOMPARE(*histogram.minMs(), values.front());
        QCOMPARE(*histogram.maxMs(), values.back());
        for (const double p : {0.0, 1.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
            const double exact = RunSummary::percentile(values, p);
            const double approximate = *histogram.percentileMs(p);
            QVERIFY2(std::abs(approximate - exact) <= exact * 0.01,
                     qPrintable(QStringLiteral("p%1: %2 ms, exactly %3 ms")
                                    .arg(p)
                                    .arg(approximate)
                                    .arg(exact)));
        }
    }

    void smallValues_areExact()
    {
        LatencyHistogram histogram;
        for (int micros = 1; micros <= 200; ++micros)
            histogram.add(micros / 1000.0);
        QCOMPARE(*histogram.percentileMs(50), 0.1);
        QCOMPARE(*histogram.percentileMs(99), 0.198);
    }

    void nearestRank_asRunSummary()
    {
        LatencyHistogram histogram;
        for (const double value : {10.0, 20.0, 30.0, 40.0})
            histogram.add(value);
        QVERIFY(std::abs(*histogram.percentileMs(50) - 20.0) <= 0.2);
        QCOMPARE(*histogram.percentileMs(0), 10.0);
        QCOMPARE(*histogram.percentileMs(100), 40.0);
    }

    void beyondAnHour_countsAsAnHour()
    {
        LatencyHistogram histogram;
        histogram.add(1e12);
        histogram.add(-5);
        QCOMPARE(*histogram.maxMs(), 3'600'000.0);
        QCOMPARE(*histogram.minMs(), 0.0);
    }

    void mergeAndReset()
    {
        LatencyHistogram first;
        LatencyHistogram second;
        LatencyHistogram both;
        for (int i = 1; i <= 100; ++i) {
            (i % 2 ? first : second).add(i * 3.7);
            both.add(i * 3.7);
        }
        first.merge(second);
        QCOMPARE(first.count(), both.count());
        for (const double p : {1.0, 50.0, 99.0})
            QCOMPARE(*first.percentileMs(p), *both.percentileMs(p));
        first.reset();
        QCOMPARE(first.count(), qint64(0));
        QVERIFY(!first.percentileMs(50));
    }
};

QTEST_APPLESS_MAIN(LatencyHistogramTest)
#include "tst_latencyhistogram.moc"
