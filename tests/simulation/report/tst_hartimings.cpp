#include "simulation/report/HarTimings.h"

#include <QTest>

using namespace studio;

Q_DECLARE_METATYPE(studio::HttpTimings)

class HarTimingsTest : public QObject
{
    Q_OBJECT

private slots:
    void fromHttp_splitsCumulativeTimesIntoPhases_data()
    {
        QTest::addColumn<HttpTimings>("curl");
        QTest::addColumn<QList<double>>("phases"); // dns, connect, ssl, wait, receive
        QTest::addColumn<double>("total");

        QTest::newRow("http") << HttpTimings{1, 3, 0, 10, 12} << QList<double>{1, 2, -1, 7, 2}
                              << 12.0;
        QTest::newRow("https: ssl inside connect")
            << HttpTimings{1, 3, 8, 20, 25} << QList<double>{1, 7, 5, 12, 5} << 25.0;
        QTest::newRow("reused connection")
            << HttpTimings{0, 0, 0, 5, 6} << QList<double>{-1, -1, -1, 5, 1} << 6.0;
        QTest::newRow("refused") << HttpTimings{0.5, 0, 0, 0, 1.5}
                                 << QList<double>{0.5, -1, -1, 1, 0} << 1.5;
        QTest::newRow("nothing happened")
            << HttpTimings{} << QList<double>{-1, -1, -1, 0, 0} << 0.0;
    }

    void fromHttp_splitsCumulativeTimesIntoPhases()
    {
        QFETCH(HttpTimings, curl);
        QFETCH(QList<double>, phases);
        QFETCH(double, total);
        const HarTimings har = HarTimings::fromHttp(curl);
        QCOMPARE(har.blocked, -1.0);
        QCOMPARE(har.send, 0.0);
        QCOMPARE(har.dns, phases[0]);
        QCOMPARE(har.connect, phases[1]);
        QCOMPARE(har.ssl, phases[2]);
        QCOMPARE(har.wait, phases[3]);
        QCOMPARE(har.receive, phases[4]);
        QCOMPARE(har.total(), total);
    }
};

QTEST_GUILESS_MAIN(HarTimingsTest)
#include "tst_hartimings.moc"
