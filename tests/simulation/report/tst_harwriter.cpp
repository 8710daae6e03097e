#include "RunRecords.h"
#include "TestFiles.h"
#include "simulation/report/HarWriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

bool isNumber(const Json &value)
{
    return value.is_number();
}

void verifyTypes(const Json &object,
                 std::initializer_list<std::pair<const char *, Json::value_t>> fields)
{
    for (const auto &[name, type] : fields) {
        QVERIFY2(object.contains(name), name);
        const Json &value = object[name];
        const bool numeric = type == Json::value_t::number_float;
        QVERIFY2(numeric ? isNumber(value) : value.type() == type, name);
    }
}

} // namespace

class HarWriterTest : public QObject
{
    Q_OBJECT

private slots:
    void build_hasTheHar12Structure()
    {
        // A request not sent is an entry of the same shape, as browsers list a blocked one.
        const Json har = HarWriter::build(fourWithOneNotSent(), runInfo());
        const Json &log = har["log"];
        QCOMPARE(log["version"].get<std::string>(), std::string("1.2"));
        QCOMPARE(log["creator"]["name"].get<std::string>(), std::string("Plugin Studio"));
        QVERIFY(log["creator"]["version"].is_string());
        QCOMPARE(log["pages"].size(), std::size_t(1));
        verifyTypes(log["pages"][0], {{"startedDateTime", Json::value_t::string},
                                      {"id", Json::value_t::string},
                                      {"title", Json::value_t::string},
                                      {"pageTimings", Json::value_t::object}});
        QCOMPARE(log["entries"].size(), std::size_t(4));

        using T = Json::value_t;
        for (const Json &entry : log["entries"]) {
            verifyTypes(entry, {{"pageref", T::string},
                                {"startedDateTime", T::string},
                                {"time", T::number_float},
                                {"request", T::object},
                                {"response", T::object},
                                {"cache", T::object},
                                {"timings", T::object}});
            QVERIFY(entry["pageref"] == log["pages"][0]["id"]);
            const QDateTime started = QDateTime::fromString(
                QString::fromStdString(entry["startedDateTime"]), Qt::ISODateWithMs);
            QVERIFY(started.isValid());
            verifyTypes(entry["request"], {{"method", T::string},
                                           {"url", T::string},
                                           {"httpVersion", T::string},
                                           {"cookies", T::array},
                                           {"headers", T::array},
                                           {"queryString", T::array},
                                           {"headersSize", T::number_float},
                                           {"bodySize", T::number_float}});
            verifyTypes(entry["request"]["postData"],
                        {{"mimeType", T::string}, {"text", T::string}});
            verifyTypes(entry["response"], {{"status", T::number_float},
                                            {"statusText", T::string},
                                            {"httpVersion", T::string},
                                            {"cookies", T::array},
                                            {"headers", T::array},
                                            {"content", T::object},
                                            {"redirectURL", T::string},
                                            {"headersSize", T::number_float},
                                            {"bodySize", T::number_float}});
            verifyTypes(entry["response"]["content"],
                        {{"size", T::number_float}, {"mimeType", T::string}});
            const Json &timings = entry["timings"];
            double sum = 0;
            for (const char *phase :
                 {"blocked", "dns", "connect", "ssl", "send", "wait", "receive"}) {
                QVERIFY2(timings[phase].is_number(), phase);
                const double value = timings[phase].get<double>();
                QVERIFY2(value >= 0 || value == -1, phase);
                if (value > 0 && std::string(phase) != "ssl")
                    sum += value;
            }
            QVERIFY(std::abs(sum - entry["time"].get<double>()) < 1e-9);
            QVERIFY(!entry.contains("send")); // a phase of timings, not a field of the entry
        }
    }

    void build_notSent_saysWhyAndWhatItWouldHaveSent()
    {
        const Json har = HarWriter::build(fourWithOneNotSent(), runInfo());
        const Json &held = har["log"]["entries"][3];
        QVERIFY(held["_notSent"] == true);
        QVERIFY(!har["log"]["entries"][0].contains("_notSent"));
        QCOMPARE(held["_verdict"].get<std::string>(), std::string("not sent"));
        QCOMPARE(held["response"]["status"].get<int>(), 0);
        QCOMPARE(held["response"]["_error"].get<std::string>(),
                 std::string("circuit open until 35 s (5 failures in a row, the last at 5 s)"));
        QCOMPARE(held["request"]["postData"]["text"].get<std::string>(),
                 std::string("{\"session_id\":\"u1\",\"segments\":[]}"));
        QCOMPARE(held["time"].get<double>(), 0.0);
    }

    void build_recordsWhatWasSentAndReceived()
    {
        const Json entries = HarWriter::build(threeRecords(), runInfo())["log"]["entries"];
        const Json &shown = entries[0];
        QCOMPARE(shown["request"]["method"].get<std::string>(), std::string("POST"));
        QCOMPARE(shown["request"]["url"].get<std::string>(),
                 std::string("http://127.0.0.1:8000/hook?uid=u1"));
        QCOMPARE(shown["request"]["queryString"][0]["name"].get<std::string>(), std::string("uid"));
        QCOMPARE(shown["request"]["queryString"][0]["value"].get<std::string>(), std::string("u1"));
        QCOMPARE(shown["request"]["postData"]["mimeType"].get<std::string>(),
                 std::string("application/json"));
        QCOMPARE(shown["request"]["postData"]["text"].get<std::string>(), std::string("{}"));
        QCOMPARE(shown["response"]["status"].get<int>(), 200);
        QCOMPARE(shown["response"]["statusText"].get<std::string>(), std::string("OK"));
        QCOMPARE(shown["response"]["httpVersion"].get<std::string>(), std::string("HTTP/1.1"));
        QCOMPARE(shown["response"]["content"]["text"].get<std::string>(),
                 std::string(R"({"message": "Stay on topic!"})"));
        QCOMPARE(shown["response"]["content"]["mimeType"].get<std::string>(),
                 std::string("application/json"));
        QCOMPARE(shown["_verdict"].get<std::string>(), std::string("notification"));
        QCOMPARE(shown["_scheduledMs"].get<int>(), 0);

        const Json &refused = entries[1];
        QCOMPARE(refused["response"]["status"].get<int>(), 0);
        QCOMPARE(refused["response"]["bodySize"].get<int>(), -1);
        QCOMPARE(refused["response"]["_error"].get<std::string>(),
                 std::string("connection refused by 127.0.0.1:9"));
        QCOMPARE(refused["timings"]["connect"].get<double>(), -1.0);
    }

    void build_listsRedirects()
    {
        QList<RunRecord> records = {threeRecords()[0]};
        records[0].result.redirects = {
            {308, QStringLiteral("http://127.0.0.1:8000/v2/hook?uid=u1")}};
        records[0].result.finalUrl = QStringLiteral("http://127.0.0.1:8000/v2/hook?uid=u1");
        const Json entry = HarWriter::build(records, runInfo())["log"]["entries"][0];
        QCOMPARE(entry["_redirects"][0]["status"].get<int>(), 308);
        QCOMPARE(entry["_finalUrl"].get<std::string>(),
                 std::string("http://127.0.0.1:8000/v2/hook?uid=u1"));
        QVERIFY(!HarWriter::build(threeRecords(), runInfo())["log"]["entries"][0].contains(
            "_redirects"));
    }

    void build_encodesBinaryBodiesAsBase64()
    {
        QList<RunRecord> records = {threeRecords()[0]};
        records[0].result.body = QByteArray("\xFF\xD8\xFF\x00", 4);
        records[0].result.bodyBytesReceived = 4;
        const Json content =
            HarWriter::build(records, runInfo())["log"]["entries"][0]["response"]["content"];
        QCOMPARE(content["encoding"].get<std::string>(), std::string("base64"));
        QCOMPARE(content["text"].get<std::string>(), std::string("/9j/AA=="));
    }

    void write_isValidJsonOnDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.har"));
        QCOMPARE(HarWriter::write(path, threeRecords(), runInfo()), std::string());
        const QByteArray bytes = readFile(path);
        const Json parsed = Json::parse(bytes.toStdString());
        QCOMPARE(parsed["log"]["entries"].size(), std::size_t(3));
        QVERIFY(!HarWriter::write(dir.filePath(QStringLiteral("missing/dir/run.har")),
                                  threeRecords(), runInfo())
                     .empty());
    }
};

QTEST_GUILESS_MAIN(HarWriterTest)
#include "tst_harwriter.moc"
