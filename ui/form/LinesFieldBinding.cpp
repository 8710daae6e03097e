#include "LinesFieldBinding.h"

#include <QStringList>

namespace studio {

LinesFieldBinding::LinesFieldBinding(QString label, std::string pointer, QPlainTextEdit *editor,
                                     QObject *parent)
    : TextFieldBinding(std::move(label), std::move(pointer), editor, parent)
{}

void LinesFieldBinding::show(const Json *value)
{
    const Json shown = value ? *value : Json(nullptr);
    const std::optional<Json> typed = valueOf(currentText());
    const bool sameValue = typed && (*typed == shown || (typed->empty() && shown.is_null()));
    if (!sameValue)
        TextFieldBinding::show(value);
}

std::optional<Json> LinesFieldBinding::valueOf(const QString &text) const
{
    Json lines = Json::array();
    for (const QString &line : text.split(u'\n')) {
        if (const QString value = line.trimmed(); !value.isEmpty())
            lines.push_back(value.toStdString());
    }
    return lines;
}

QString LinesFieldBinding::textOf(const Json *value) const
{
    if (!value || !value->is_array())
        return TextFieldBinding::textOf(value); // the validator marks the wrong type
    QStringList lines;
    for (const Json &item : *value)
        lines << (item.is_string() ? QString::fromStdString(item.get<std::string>())
                                   : QString::fromStdString(item.dump()));
    return lines.join(u'\n');
}

} // namespace studio
