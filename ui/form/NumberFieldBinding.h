#pragma once

#include "TextFieldBinding.h"

namespace studio {

// A number of 0 or more in a line editor (an app's price): written as a JSON number, null
// when cleared. The editor takes digits and one decimal point only.
class NumberFieldBinding : public TextFieldBinding
{
    Q_OBJECT

public:
    NumberFieldBinding(QString label, std::string pointer, QLineEdit *editor,
                       QObject *parent = nullptr);

protected:
    std::optional<Json> valueOf(const QString &text) const override;
};

} // namespace studio
