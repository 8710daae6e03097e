#pragma once

#include "contract/apps2026/ChatToolsManifest.h"

#include <QWidget>

#include <optional>
#include <vector>

class QFormLayout;
class QLabel;

namespace studio {

class FieldMark;

// The arguments of one tool as a form made from its parameter schema: a string is a line
// (its enum a list), an integer or a number a checked line, a boolean a check box, an array
// a line of JSON. A required parameter's label says so; a value that does not fit its type,
// or a required one left empty, is marked beside its field (as the manifest form marks its
// problems) and named by problem(). An optional field left empty is not sent.
class ToolForm : public QWidget
{
    Q_OBJECT

public:
    explicit ToolForm(QWidget *parent = nullptr);

    void setTool(const ChatTool &tool);
    void clear();

    // The arguments the chat model would send, when every value fits.
    std::optional<Json> arguments() const;
    // Why the arguments cannot be sent, in a sentence; empty when they can.
    QString problem() const;
    // The editor of a parameter (QLineEdit, QComboBox or QCheckBox), for tests and focus.
    QWidget *editor(const std::string &parameter) const;
    FieldMark *mark(const std::string &parameter) const;
    QLabel *label(const std::string &parameter) const;
    // Puts `text` into a parameter's editor as typed ("true"/"false" for a check box).
    void setValue(const std::string &parameter, const QString &text);

signals:
    void changed();

private:
    struct Field
    {
        ChatToolParameter parameter;
        QLabel *label = nullptr;
        QWidget *editor = nullptr;
        FieldMark *mark = nullptr;
    };
    // The text a field holds; nullopt when it is empty (an optional one is then not sent).
    std::optional<QString> textOf(const Field &field) const;
    QWidget *makeEditor(const ChatToolParameter &parameter);
    void revalidate();

    QFormLayout *m_layout;
    QLabel *m_none;
    std::vector<Field> m_fields;
    std::string m_toolName;
    QString m_problem;
    std::optional<Json> m_arguments;
};

} // namespace studio
