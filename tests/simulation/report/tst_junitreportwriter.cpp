#include "RunRecords.h"
#include "TestFiles.h"
#include "simulation/report/JUnitReportWriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace studio;
using namespace studio::test;

namespace {

struct ParsedReport
{
    QXmlStreamAttributes suites;
    QXmlStreamAttributes suite;
    QList<QXmlStreamAttributes> testcases;
    QList<QXmlStreamAttributes> failures;
    QList<QXmlStreamAttributes> skipped;
    QStringList failureTexts;
    QStringList systemOut;
    QString error;
};

ParsedReport parse(const QByteArray &xml)
{
    ParsedReport report;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = reader.name();
        if (name == QLatin1String("testsuites"))
            report.suites = reader.attributes();
        else if (name == QLatin1String("testsuite"))
            report.suite = reader.attributes();
        else if (name == QLatin1String("testcase"))
            report.testcases.append(reader.attributes());
        else if (name == QLatin1String("skipped"))
            report.skipped.append(reader.attributes());
        else if (name == QLatin1String("failure")) {
            report.failures.append(reader.attributes());
            report.failureTexts.append(reader.readElementText());
        } else if (name == QLatin1String("system-out"))
            report.systemOut.append(reader.readElementText());
    }
    if (reader.hasError())
        report.error = reader.errorString();
    return report;
}

} // namespace

class JUnitReportWriterTest : public QObject
{
    Q_OBJECT

private slots:
    void render_isWellFormedWithOneTestcasePerRequest()
    {
        const ParsedReport report = parse(JUnitReportWriter::render(threeRecords(), runInfo()));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.suites.value(QStringLiteral("tests")), QStringLiteral("3"));
        QCOMPARE(report.suites.value(QStringLiteral("failures")), QStringLiteral("2"));
        QCOMPARE(report.suite.value(QStringLiteral("name")),
                 QStringLiteral("focus-guardian.transcript_processed"));
        QCOMPARE(report.suite.value(QStringLiteral("timestamp")),
                 QStringLiteral("2024-09-01T18:00:00+02:00"));
        QCOMPARE(report.testcases.size(), 3);
        QCOMPARE(report.testcases[0].value(QStringLiteral("name")),
                 QStringLiteral("#0 window 0-30 s"));
        QCOMPARE(report.testcases[0].value(QStringLiteral("time")), QStringLiteral("0.013"));
        QCOMPARE(report.systemOut.size(), 3);
        QVERIFY(report.systemOut[0].startsWith(QStringLiteral("notification: ")));
    }

    void render_failsFailedRequestsAndInvalidAnswers()
    {
        const ParsedReport report = parse(JUnitReportWriter::render(threeRecords(), runInfo()));
        QCOMPARE(report.failures.size(), 2);
        QCOMPARE(report.failures[0].value(QStringLiteral("type")), QStringLiteral("request"));
        QCOMPARE(report.failures[0].value(QStringLiteral("message")),
                 QStringLiteral("the request failed"));
        QVERIFY(
            report.failureTexts[0].contains(QStringLiteral("connection refused by 127.0.0.1:9")));
        QCOMPARE(report.failures[1].value(QStringLiteral("type")), QStringLiteral("answer"));
        QCOMPARE(JUnitReportWriter::failureMessage(threeRecords()[0]), QString());
    }

    void render_notSentIsSkippedWithTheReason()
    {
        const ParsedReport report =
            parse(JUnitReportWriter::render(fourWithOneNotSent(), runInfo()));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.suite.value(QStringLiteral("tests")), QStringLiteral("4"));
        QCOMPARE(report.suite.value(QStringLiteral("skipped")), QStringLiteral("1"));
        QCOMPARE(report.suite.value(QStringLiteral("failures")), QStringLiteral("2"));
        QCOMPARE(report.testcases.size(), 4);
        QCOMPARE(report.failures.size(), 2);
        QCOMPARE(report.skipped.size(), 1);
        QCOMPARE(report.skipped[0].value(QStringLiteral("message")),
                 QStringLiteral("circuit open until 35 s (5 failures in a row, the last at 5 s)"));
        QCOMPARE(report.systemOut.size(), 3); // no verdict for what was not sent
    }

    void render_escapesMarkupAndReplacesControlCharacters()
    {
        const QByteArray xml = JUnitReportWriter::render(threeRecords(), runInfo());
        const ParsedReport report = parse(xml);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        // Round trip: what the reader gets back is the text that was written.
        QCOMPARE(report.failures[1].value(QStringLiteral("message")),
                 QStringLiteral("the body is not JSON <&>"));
        QVERIFY(report.failureTexts[1].contains(QStringLiteral("<oops & \"quotes\" \uFFFD>")));
        QVERIFY(report.systemOut[2].contains(QStringLiteral("\n- a note")));
        QVERIFY(!xml.contains('\x01'));
    }

    void render_emptyRunIsStillValid()
    {
        const ParsedReport report = parse(JUnitReportWriter::render({}, RunInfo{}));
        QVERIFY(report.error.isEmpty());
        QCOMPARE(report.suites.value(QStringLiteral("tests")), QStringLiteral("0"));
        QVERIFY(report.testcases.isEmpty());
    }

    void write_isAtomicAndParsable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junit.xml"));
        QCOMPARE(JUnitReportWriter::write(path, threeRecords(), runInfo()), std::string());
        QVERIFY(parse(readFile(path)).error.isEmpty());
        QVERIFY(
            !JUnitReportWriter::write(dir.path(), threeRecords(), runInfo()).empty()); // a folder
    }
};

QTEST_GUILESS_MAIN(JUnitReportWriterTest)
#include "tst_junitreportwriter.moc"
