#include "CliReports.h"
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "SimulateCommands.h"

#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;

namespace {

// What a HAR viewer (the browsers' network panels, HAR analyzers) needs of the HAR 1.2 it
// imports: each member present with its type; the phases a waterfall draws not negative.
class HarCheck
{
public:
    QStringList problems;

    void check(const QJsonObject &har)
    {
        const QJsonObject log = object(har, "log", QStringLiteral("/"));
        if (log.value(QStringLiteral("version")).toString() != u"1.2")
            problems << QStringLiteral("/log/version is not \"1.2\"");
        const QJsonObject creator = object(log, "creator", QStringLiteral("/log"));
        strings(creator, {"name", "version"}, QStringLiteral("/log/creator"));
        const QJsonArray entries = array(log, "entries", QStringLiteral("/log"));
        for (qsizetype i = 0; i < entries.size(); ++i)
            entry(entries[i].toObject(), QStringLiteral("/log/entries/%1").arg(i));
    }

private:
    void entry(const QJsonObject &entry, const QString &at)
    {
        strings(entry, {"startedDateTime"}, at);
        if (!QDateTime::fromString(entry.value(QStringLiteral("startedDateTime")).toString(),
                                   Qt::ISODateWithMs)
                 .isValid())
            problems << at + u"/startedDateTime is not ISO 8601";
        numbers(entry, {"time"}, at, 0);
        const QString requestAt = at + u"/request";
        const QJsonObject request = object(entry, "request", at);
        strings(request, {"method", "url", "httpVersion"}, requestAt);
        arrays(request, {"headers", "queryString", "cookies"}, requestAt);
        numbers(request, {"headersSize", "bodySize"}, requestAt, -1);
        const QString responseAt = at + u"/response";
        const QJsonObject response = object(entry, "response", at);
        numbers(response, {"status", "headersSize", "bodySize"}, responseAt, -1);
        strings(response, {"statusText", "httpVersion", "redirectURL"}, responseAt);
        arrays(response, {"headers", "cookies"}, responseAt);
        const QJsonObject content = object(response, "content", responseAt);
        numbers(content, {"size"}, responseAt + u"/content", 0);
        strings(content, {"mimeType"}, responseAt + u"/content");
        object(entry, "cache", at);
        numbers(object(entry, "timings", at), {"send", "wait", "receive"}, at + u"/timings", 0);
    }

    QJsonObject object(const QJsonObject &in, const char *key, const QString &at)
    {
        if (!in.value(QLatin1String(key)).isObject())
            problems << at + u'/' + QLatin1String(key) + u" is not an object";
        return in.value(QLatin1String(key)).toObject();
    }
    QJsonArray array(const QJsonObject &in, const char *key, const QString &at)
    {
        if (!in.value(QLatin1String(key)).isArray())
            problems << at + u'/' + QLatin1String(key) + u" is not an array";
        return in.value(QLatin1String(key)).toArray();
    }
    void arrays(const QJsonObject &in, std::initializer_list<const char *> keys, const QString &at)
    {
        for (const char *key : keys)
            array(in, key, at);
    }
    void strings(const QJsonObject &in, std::initializer_list<const char *> keys, const QString &at)
    {
        for (const char *key : keys) {
            if (!in.value(QLatin1String(key)).isString())
                problems << at + u'/' + QLatin1String(key) + u" is not a string";
        }
    }
    void numbers(const QJsonObject &in, std::initializer_list<const char *> keys, const QString &at,
                 double minimum)
    {
        for (const char *key : keys) {
            const QJsonValue value = in.value(QLatin1String(key));
            if (!value.isDouble() || value.toDouble() < minimum)
                problems << at + u'/' + QLatin1String(key) + u" is not a number from " +
                                QString::number(minimum);
        }
    }
};

QJsonArray harEntries(const QJsonObject &har)
{
    return har.value(QStringLiteral("log")).toObject().value(QStringLiteral("entries")).toArray();
}

// The HAR a transcript run against `url` writes, checked by HarCheck.
QJsonObject checkedHar(const QString &url, int exitCode)
{
    QTemporaryDir out;
    const QString har = out.filePath(QStringLiteral("run.har"));
    const CliRun run =
        runCli(simulateTranscript(url, {QStringLiteral("--fast"), QStringLiteral("--har"), har}));
    if (run.exitCode != exitCode)
        qWarning("simulate exited %d: %s", run.exitCode, run.err.constData());
    const QJsonObject document = readJsonObject(har);
    HarCheck check;
    check.check(document);
    for (const QString &problem : check.problems)
        qWarning("%s", qPrintable(problem));
    return run.exitCode == exitCode && check.problems.isEmpty() ? document : QJsonObject();
}

} // namespace

// The files simulate writes for other tools, checked as those tools read them.
class CliReportFormatsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void har_answeredExchanges_haveWhatNetworkPanelsNeed()
    {
        LoopbackServer server;
        server.setRoute("/segments", studio::HttpAnswer::json(200, "{\"message\": \"Noted\"}"));
        const QJsonArray entries = harEntries(checkedHar(server.url("/segments?key=a%20b"), 0));
        QCOMPARE(entries.size(), 3);
        const QJsonObject first = entries[0].toObject();
        const QJsonObject response = first.value(QStringLiteral("response")).toObject();
        QCOMPARE(response.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(response.value(QStringLiteral("httpVersion")).toString(),
                 QStringLiteral("HTTP/1.1"));
        QCOMPARE(response.value(QStringLiteral("content"))
                     .toObject()
                     .value(QStringLiteral("mimeType"))
                     .toString()
                     .section(u';', 0, 0),
                 QStringLiteral("application/json"));
        const QJsonArray query = first.value(QStringLiteral("request"))
                                     .toObject()
                                     .value(QStringLiteral("queryString"))
                                     .toArray();
        QVERIFY2(query.contains(QJsonObject{{QStringLiteral("name"), QStringLiteral("key")},
                                            {QStringLiteral("value"), QStringLiteral("a b")}}),
                 QJsonDocument(query).toJson().constData());
    }

    // No answer at all: still an entry a viewer can show, status 0 and no negative phase.
    void har_refusedConnection_isStillAnEntryViewersRead()
    {
        const QJsonArray entries = harEntries(
            checkedHar(QStringLiteral("http://127.0.0.1:%1/segments").arg(unusedPort()), 1));
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries[0]
                     .toObject()
                     .value(QStringLiteral("response"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
                 0);
    }

    // Passed and failed test cases against a JUnit XSD (the subset CI servers read,
    // tests/cli/data/junit.xsd), with xmllint.
    void junit_matchesTheSchema()
    {
        const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
        if (xmllint.isEmpty())
            QSKIP("xmllint (libxml2-utils) is not installed");
        LoopbackServer server;
        server.setRoute("/ok", studio::HttpAnswer::json(200, "{\"message\": \"Noted\"}"));
        server.setRoute("/broken", studio::HttpAnswer::json(500, "{\"detail\": \"boom\"}"));
        QTemporaryDir out;
        const QString passing = out.filePath(QStringLiteral("passing.xml"));
        const QString failing = out.filePath(QStringLiteral("failing.xml"));
        const QString refused = out.filePath(QStringLiteral("refused.xml"));
        const QList<std::tuple<QString, QString, int>> runs{
            {server.url("/ok"), passing, 0},
            {server.url("/broken"), failing, 1},
            {QStringLiteral("http://127.0.0.1:%1/segments").arg(unusedPort()), refused, 1}};
        for (const auto &[url, report, exitCode] : runs)
            QCOMPARE(runCli(simulateTranscript(
                                url, {QStringLiteral("--fast"), QStringLiteral("--junit"), report}))
                         .exitCode,
                     exitCode);
        QCOMPARE(readJUnit(passing).failureElements, 0);
        QVERIFY(readJUnit(failing).failureElements > 0);
        QVERIFY(readJUnit(refused).failureElements > 0);
        for (const QString &report : {passing, failing, refused}) {
            QProcess lint;
            lint.start(xmllint, {QStringLiteral("--noout"), QStringLiteral("--schema"),
                                 testData("junit.xsd"), report});
            QVERIFY(lint.waitForFinished());
            QVERIFY2(lint.exitCode() == 0, lint.readAllStandardError().constData());
        }
    }
};

QTEST_GUILESS_MAIN(CliReportFormatsTest)
#include "tst_cli_reportformats.moc"
