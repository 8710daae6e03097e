#pragma once

#include "FieldBinding.h"

#include <optional>

class QLineEdit;
class QPlainTextEdit;

namespace studio {

// A string field in a line or a multi-line editor. A nullable field writes null when
// cleared (setup_completed_url: empty means no setup check).
class TextFieldBinding : public FieldBinding
{
    Q_OBJECT

public:
    enum class Empty
    {
        IsEmptyString,
        IsNull
    };

    TextFieldBinding(QString label, std::string pointer, QLineEdit *editor,
                     Empty empty = Empty::IsEmptyString, QObject *parent = nullptr);
    TextFieldBinding(QString label, std::string pointer, QPlainTextEdit *editor,
                     QObject *parent = nullptr);

    QWidget *widget() const override;
    void show(const Json *value) override;

protected:
    // The value the text stands for; nothing when it stands for none and is not written.
    virtual std::optional<Json> valueOf(const QString &text) const;
    // The text a value is shown as.
    virtual QString textOf(const Json *value) const;
    // The text in the editor now.
    QString currentText() const;

private:
    void commit(const QString &text);

    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_block = nullptr;
    Empty m_empty = Empty::IsEmptyString;
    bool m_showing = false;
};

} // namespace studio
