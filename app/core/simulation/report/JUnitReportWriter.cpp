#include "JUnitReportWriter.h"

#include "RunSummary.h"
#include "io/TextFile.h"

#include <QXmlStreamWriter>

namespace studio {

namespace {

bool isXmlCharacter(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

QString xmlSafe(const QString &text)
{
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            safe += c;
            safe += text[++i];
        } else if (c.isSurrogate() || !isXmlCharacter(c.unicode())) {
            safe += QChar(QChar::ReplacementCharacter);
        } else {
            safe += c;
        }
    }
    return safe;
}

QString seconds(double milliseconds)
{
    return QString::number(milliseconds / 1000.0, 'f', 3);
}

QString suiteName(const RunInfo &info)
{
    return info.pluginId.isEmpty() ? info.trigger : info.pluginId + QLatin1Char('.') + info.trigger;
}

} // namespace

QString JUnitReportWriter::failureMessage(const RunRecord &record)
{
    if (record.requestFailed() || record.answerInvalid())
        return record.verdict.reason;
    return {};
}

QByteArray JUnitReportWriter::render(const QList<RunRecord> &records, const RunInfo &info)
{
    const RunSummary summary = RunSummary::of(records);
    double totalMs = 0;
    for (const RunRecord &record : records)
        totalMs += record.result.timings.totalMs;
    const QString failures = QString::number(summary.errors + summary.invalidAnswers);

    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeAttribute(QStringLiteral("name"), QStringLiteral("plugin-studio simulation"));
    writer.writeAttribute(QStringLiteral("tests"), QString::number(summary.count));
    writer.writeAttribute(QStringLiteral("failures"), failures);
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("time"), seconds(totalMs));

    writer.writeStartElement(QStringLiteral("testsuite"));
    writer.writeAttribute(QStringLiteral("name"), xmlSafe(suiteName(info)));
    writer.writeAttribute(QStringLiteral("tests"), QString::number(summary.count));
    writer.writeAttribute(QStringLiteral("failures"), failures);
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("skipped"), QString::number(summary.notSent));
    writer.writeAttribute(QStringLiteral("time"), seconds(totalMs));
    if (info.startedAt.isValid())
        writer.writeAttribute(QStringLiteral("timestamp"), info.startedAt.toString(Qt::ISODate));

    writer.writeStartElement(QStringLiteral("properties"));
    const QList<std::pair<QString, QString>> properties = {
        {QStringLiteral("plugin"), info.pluginName},
        {QStringLiteral("uid"), info.uid},
        {QStringLiteral("profile"), info.profile},
        {QStringLiteral("batching"), info.batching},
        {QStringLiteral("source"), info.source},
        {QStringLiteral("speed"), QString::number(info.speed)}};
    for (const auto &[name, value] : properties) {
        if (value.isEmpty())
            continue;
        writer.writeEmptyElement(QStringLiteral("property"));
        writer.writeAttribute(QStringLiteral("name"), name);
        writer.writeAttribute(QStringLiteral("value"), xmlSafe(value));
    }
    writer.writeEndElement(); // properties

    for (const RunRecord &record : records) {
        writer.writeStartElement(QStringLiteral("testcase"));
        writer.writeAttribute(QStringLiteral("classname"), xmlSafe(suiteName(info)));
        writer.writeAttribute(
            QStringLiteral("name"),
            xmlSafe(QStringLiteral("#%1 %2").arg(record.index).arg(record.label)));
        writer.writeAttribute(QStringLiteral("time"), seconds(record.result.timings.totalMs));
        if (!record.sent()) {
            // Held back by the app: JUnit's skipped, with the reason.
            writer.writeEmptyElement(QStringLiteral("skipped"));
            writer.writeAttribute(QStringLiteral("message"), xmlSafe(record.notSentReason));
            writer.writeEndElement(); // testcase
            continue;
        }
        const QString failure = failureMessage(record);
        if (!failure.isEmpty()) {
            writer.writeStartElement(QStringLiteral("failure"));
            writer.writeAttribute(QStringLiteral("type"), record.requestFailed()
                                                              ? QStringLiteral("request")
                                                              : QStringLiteral("answer"));
            writer.writeAttribute(QStringLiteral("message"), xmlSafe(failure));
            QString details = QStringLiteral("POST %1\nstatus: %2\n")
                                  .arg(record.result.request.url)
                                  .arg(record.result.status);
            if (!record.result.errorMessage.isEmpty())
                details += QStringLiteral("error: %1\n").arg(record.result.errorMessage);
            details +=
                QStringLiteral("body: %1").arg(QString::fromUtf8(record.result.body.left(2000)));
            writer.writeCharacters(xmlSafe(details));
            writer.writeEndElement(); // failure
        }
        QString out =
            QStringLiteral("%1: %2").arg(record.verdict.kindName(), record.verdict.reason);
        for (const QString &note : record.verdict.notes)
            out += QStringLiteral("\n- ") + note;
        writer.writeTextElement(QStringLiteral("system-out"), xmlSafe(out));
        writer.writeEndElement(); // testcase
    }
    writer.writeEndElement(); // testsuite
    writer.writeEndElement(); // testsuites
    writer.writeEndDocument();
    return xml;
}

std::string JUnitReportWriter::write(const QString &path, const QList<RunRecord> &records,
                                     const RunInfo &info)
{
    const QByteArray xml = render(records, info);
    return TextFile::writeAtomically(
        path, std::string_view(xml.constData(), static_cast<std::size_t>(xml.size())));
}

} // namespace studio
