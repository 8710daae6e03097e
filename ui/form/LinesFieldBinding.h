#pragma once

#include "TextFieldBinding.h"

namespace studio {

// A list of strings edited as lines (an app's thumbnails): one value per line, blank lines
// left out, written as a JSON array. What the user is typing (a new empty line) stays as it
// is while it stands for the value the document holds.
class LinesFieldBinding : public TextFieldBinding
{
    Q_OBJECT

public:
    LinesFieldBinding(QString label, std::string pointer, QPlainTextEdit *editor,
                      QObject *parent = nullptr);

    void show(const Json *value) override;

protected:
    std::optional<Json> valueOf(const QString &text) const override;
    QString textOf(const Json *value) const override;
};

} // namespace studio
