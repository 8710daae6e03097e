#include "AnswerJson.h"

#include "json/JsonParser.h"
#include "json/LineIndex.h"

#include <QCoreApplication>

namespace studio {

QString AnswerJson::problem(const QByteArray &text)
{
    if (text.size() > kMaxBytes)
        return QCoreApplication::translate("AnswerJson", "the answer is over 1 MB");
    JsonParseOptions options;
    options.recordSourceMap = false;
    const std::string_view bytes(text.constData(), size_t(text.size()));
    const JsonParseResult parsed = parseJson(bytes, options);
    if (parsed.ok())
        return {};
    const SourcePosition at = LineIndex(bytes).position(parsed.error->offset);
    return QCoreApplication::translate("AnswerJson", "line %1, column %2: %3")
        .arg(at.line)
        .arg(at.column)
        .arg(QString::fromStdString(parsed.error->message));
}

} // namespace studio
