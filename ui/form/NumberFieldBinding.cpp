#include "NumberFieldBinding.h"

#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace studio {

NumberFieldBinding::NumberFieldBinding(QString label, std::string pointer, QLineEdit *editor,
                                       QObject *parent)
    : TextFieldBinding(std::move(label), std::move(pointer), editor, Empty::IsNull, parent)
{
    editor->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]*(\\.[0-9]*)?")), editor));
}

std::optional<Json> NumberFieldBinding::valueOf(const QString &text) const
{
    if (text.isEmpty())
        return Json(nullptr);
    // "4" stays an integer in the text, "4.50" a decimal; "." alone is not a number yet.
    bool ok = false;
    if (const qlonglong whole = text.toLongLong(&ok); ok)
        return Json(static_cast<std::int64_t>(whole));
    if (const double decimal = text.toDouble(&ok); ok)
        return Json(decimal);
    return std::nullopt;
}

} // namespace studio
