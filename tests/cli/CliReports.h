#pragma once

// Reading what the simulate and check-setup commands wrote: the JSON report, the HAR file
// and the JUnit XML, parsed as their consumers parse them.

#include "TestFiles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

namespace studio::test {

inline QString testData(const char *name)
{
    return QStringLiteral(STUDIO_TEST_DATA_DIR "/") + QString::fromLatin1(name);
}

inline QJsonObject readJsonObject(const QString &path)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(readFile(path), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("%s is not JSON: %s", qPrintable(path), qPrintable(error.errorString()));
    return document.object();
}

struct JUnitCounts
{
    bool parsed = false;
    int tests = -1;
    int failures = -1;
    int testcases = 0;
    int failureElements = 0;
};

inline JUnitCounts readJUnit(const QString &path)
{
    JUnitCounts counts;
    QXmlStreamReader xml(readFile(path));
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"testsuite") {
            counts.tests = xml.attributes().value(QLatin1String("tests")).toInt();
            counts.failures = xml.attributes().value(QLatin1String("failures")).toInt();
        } else if (xml.name() == u"testcase") {
            ++counts.testcases;
        } else if (xml.name() == u"failure") {
            ++counts.failureElements;
        }
    }
    counts.parsed = !xml.hasError();
    return counts;
}

} // namespace studio::test
