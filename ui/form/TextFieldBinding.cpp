#include "TextFieldBinding.h"

#include "FormUndoKeys.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTextCursor>

namespace studio {

namespace {

// What a value looks like in a text field: strings as they are, other JSON as its text
// (the validator marks the wrong type), an absent value as nothing.
QString displayText(const Json *value)
{
    if (!value || value->is_null())
        return {};
    if (value->is_string())
        return QString::fromStdString(value->get<std::string>());
    return QString::fromStdString(value->dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace

TextFieldBinding::TextFieldBinding(QString label, std::string pointer, QLineEdit *editor,
                                   Empty empty, QObject *parent)
    : FieldBinding(std::move(label), std::move(pointer), parent)
    , m_line(editor)
    , m_empty(empty)
{
    FormUndoKeys::routeToDocument(editor);
    connect(editor, &QLineEdit::textEdited, this, &TextFieldBinding::commit);
}

TextFieldBinding::TextFieldBinding(QString label, std::string pointer, QPlainTextEdit *editor,
                                   QObject *parent)
    : FieldBinding(std::move(label), std::move(pointer), parent)
    , m_block(editor)
{
    editor->setUndoRedoEnabled(false);
    FormUndoKeys::routeToDocument(editor);
    connect(editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_showing)
            commit(m_block->toPlainText());
    });
}

QWidget *TextFieldBinding::widget() const
{
    return m_line ? static_cast<QWidget *>(m_line) : static_cast<QWidget *>(m_block);
}

void TextFieldBinding::show(const Json *value)
{
    const QString text = textOf(value);
    m_showing = true;
    if (m_line && m_line->text() != text) {
        // Keep the caret where the user had it, as far as the new text allows.
        const int cursor = m_line->cursorPosition();
        m_line->setText(text);
        m_line->setCursorPosition(std::min<int>(cursor, static_cast<int>(text.size())));
    } else if (m_block && m_block->toPlainText() != text) {
        const int cursor = m_block->textCursor().position();
        m_block->setPlainText(text);
        QTextCursor restored = m_block->textCursor();
        restored.setPosition(std::min<int>(cursor, static_cast<int>(text.size())));
        m_block->setTextCursor(restored);
    }
    m_showing = false;
}

QString TextFieldBinding::textOf(const Json *value) const
{
    return displayText(value);
}

QString TextFieldBinding::currentText() const
{
    return m_line ? m_line->text() : m_block->toPlainText();
}

std::optional<Json> TextFieldBinding::valueOf(const QString &text) const
{
    if (text.isEmpty() && m_empty == Empty::IsNull)
        return Json(nullptr);
    return Json(text.toStdString());
}

void TextFieldBinding::commit(const QString &text)
{
    if (std::optional<Json> value = valueOf(text))
        requestSet(std::move(*value));
}

} // namespace studio
