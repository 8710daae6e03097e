#include "simulation/payload/IsoDateTime.h"

#include <QTest>
#include <QTimeZone>

using namespace studio;

class IsoDateTimeTest : public QObject
{
    Q_OBJECT

private slots:
    void parse_thenPythonIso_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("python");
        QTest::addColumn<QString>("dart");

        QTest::newRow("offset") << QStringLiteral("2024-08-14T09:30:00+02:00")
                                << QStringLiteral("2024-08-14T09:30:00+02:00")
                                << QStringLiteral("2024-08-14T09:30:00.000");
        QTest::newRow("utc z") << QStringLiteral("2024-08-14T07:30:00Z")
                               << QStringLiteral("2024-08-14T07:30:00+00:00")
                               << QStringLiteral("2024-08-14T07:30:00.000");
        QTest::newRow("microseconds") << QStringLiteral("2024-10-08T14:59:58.900000-04:00")
                                      << QStringLiteral("2024-10-08T14:59:58.900000-04:00")
                                      << QStringLiteral("2024-10-08T14:59:58.900");
        QTest::newRow("sub-millisecond") << QStringLiteral("2024-01-01T00:00:00.123456+05:30")
                                         << QStringLiteral("2024-01-01T00:00:00.123456+05:30")
                                         << QStringLiteral("2024-01-01T00:00:00.123456");
        QTest::newRow("space and short fraction")
            << QStringLiteral("2024-02-29 23:59:59.5-08:00")
            << QStringLiteral("2024-02-29T23:59:59.500000-08:00")
            << QStringLiteral("2024-02-29T23:59:59.500");
        QTest::newRow("no seconds, compact offset") << QStringLiteral("2024-03-01T10:15+0100")
                                                    << QStringLiteral("2024-03-01T10:15:00+01:00")
                                                    << QStringLiteral("2024-03-01T10:15:00.000");
        QTest::newRow("nanoseconds cut") << QStringLiteral("2024-03-01T10:15:00.123456789Z")
                                         << QStringLiteral("2024-03-01T10:15:00.123456+00:00")
                                         << QStringLiteral("2024-03-01T10:15:00.123456");
    }

    void parse_thenPythonIso()
    {
        QFETCH(QString, text);
        QFETCH(QString, python);
        QFETCH(QString, dart);
        QString error;
        const auto parsed = IsoDateTime::parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->toPythonIso(), python);
        QCOMPARE(parsed->toDartLocalIso(), dart);
    }

    void parse_refusesNaiveAndInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("naive") << QStringLiteral("2024-08-14T09:30:00")
                               << QStringLiteral("no timezone");
        QTest::newRow("date only")
            << QStringLiteral("2024-08-14") << QStringLiteral("not an ISO-8601");
        QTest::newRow("february 30")
            << QStringLiteral("2024-02-30T10:00:00Z") << QStringLiteral("not a valid date");
        QTest::newRow("hour 24") << QStringLiteral("2024-02-01T24:00:00Z")
                                 << QStringLiteral("not a valid date");
        QTest::newRow("offset 25h")
            << QStringLiteral("2024-02-01T10:00:00+25:00") << QStringLiteral("offset");
        QTest::newRow("words") << QStringLiteral("tomorrow at noon")
                               << QStringLiteral("not an ISO-8601");
    }

    void parse_refusesNaiveAndInvalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, messagePart);
        QString error;
        QVERIFY(!IsoDateTime::parse(text, &error));
        QVERIFY2(error.contains(messagePart), qPrintable(error));
    }

    void sameInstant_differentOffsets()
    {
        const auto a = IsoDateTime::parse(QStringLiteral("2024-08-14T09:30:00+02:00"));
        const auto b = IsoDateTime::parse(QStringLiteral("2024-08-14T07:30:00Z"));
        QCOMPARE(a->epochMicros(), b->epochMicros());
        QVERIFY(!(*a == *b)); // the offset is part of the value: it is what gets sent
        QCOMPARE(a->toDateTime(), b->toDateTime());
    }

    void addSeconds_keepsOffsetAndMicros()
    {
        const auto start = IsoDateTime::parse(QStringLiteral("2024-12-31T23:59:59+09:00"));
        QCOMPARE(start->addSeconds(1.25).toPythonIso(),
                 QStringLiteral("2025-01-01T00:00:00.250000+09:00"));
    }

    void fromDateTime_keepsTheOffset()
    {
        const QDateTime time(QDate(2024, 7, 10), QTime(14, 3, 12, 5), QTimeZone(-3 * 3600));
        const IsoDateTime value = IsoDateTime::fromDateTime(time);
        QCOMPARE(value.offsetSeconds(), -3 * 3600);
        QCOMPARE(value.toPythonIso(), QStringLiteral("2024-07-10T14:03:12.005000-03:00"));
        QCOMPARE(value.toDartLocalIso(), QStringLiteral("2024-07-10T14:03:12.005"));
        QVERIFY(!IsoDateTime().isValid());
        QVERIFY(IsoDateTime().toPythonIso().isEmpty());
    }
};

QTEST_GUILESS_MAIN(IsoDateTimeTest)
#include "tst_isodatetime.moc"
