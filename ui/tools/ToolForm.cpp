#include "ToolForm.h"

#include "contract/apps2026/ChatToolCall.h"
#include "form/FieldMark.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace studio {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString placeholderFor(const std::string &type)
{
    if (type == "integer")
        return ToolForm::tr("an integer, e.g. 3");
    if (type == "number")
        return ToolForm::tr("a number, e.g. 2.5");
    if (type == "array")
        return ToolForm::tr("a JSON array, e.g. [\"a\", \"b\"]");
    return ToolForm::tr("text");
}

Diagnostic finding(RuleId rule, const std::string &message)
{
    Diagnostic diagnostic;
    diagnostic.rule = rule;
    diagnostic.message = message;
    return diagnostic;
}

} // namespace

ToolForm::ToolForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout)
    , m_none(new QLabel(tr("This tool takes no arguments: the call sends the uid, the app's id "
                           "and the tool's name."),
                        this))
{
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_none->setWordWrap(true);
    m_none->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_layout);
    layout->addWidget(m_none);
}

void ToolForm::clear()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_fields.clear();
    m_toolName.clear();
    m_none->hide();
    revalidate();
}

void ToolForm::setTool(const ChatTool &tool)
{
    clear();
    m_toolName = tool.name;
    for (const ChatToolParameter &parameter : tool.parameters) {
        Field field;
        field.parameter = parameter;
        // Required as the chat model reads it: the schema's `required`, marked on the label.
        field.label = new QLabel(parameter.required ? tr("%1 *").arg(fromStd(parameter.name))
                                                    : fromStd(parameter.name));
        field.label->setToolTip(parameter.required ? tr("Required (%1)").arg(fromStd(parameter.type))
                                                   : tr("Optional (%1): left empty, it is not sent")
                                                         .arg(fromStd(parameter.type)));
        if (parameter.required) {
            QFont bold = field.label->font();
            bold.setBold(true);
            field.label->setFont(bold);
        }
        field.editor = makeEditor(parameter);
        field.editor->setObjectName(fromStd(parameter.name));
        field.editor->setToolTip(fromStd(parameter.description));
        field.mark = new FieldMark;
        auto *row = new QHBoxLayout;
        row->setSpacing(4);
        row->addWidget(field.editor, 1);
        row->addWidget(field.mark);
        m_layout->addRow(field.label, row);
        if (!parameter.description.empty()) {
            auto *description = new QLabel(fromStd(parameter.description));
            description->setWordWrap(true);
            description->setForegroundRole(QPalette::PlaceholderText);
            m_layout->addRow(QString(), description);
        }
        m_fields.push_back(field);
    }
    m_none->setVisible(tool.parameters.empty());
    revalidate();
}

QWidget *ToolForm::makeEditor(const ChatToolParameter &parameter)
{
    if (parameter.type == "boolean") {
        auto *box = new QCheckBox;
        // Optional: a third state that sends nothing.
        box->setTristate(!parameter.required);
        box->setCheckState(parameter.required ? Qt::Unchecked : Qt::PartiallyChecked);
        const auto describe = [box] {
            box->setText(box->checkState() == Qt::PartiallyChecked ? tr("not sent")
                         : box->isChecked()                       ? tr("true")
                                                                  : tr("false"));
        };
        describe();
        connect(box, &QCheckBox::stateChanged, this, [this, describe] {
            describe();
            revalidate();
        });
        return box;
    }
    if (parameter.type == "string" && !parameter.choices.empty()) {
        auto *box = new QComboBox;
        if (!parameter.required)
            box->addItem(tr("(not sent)"), QString());
        for (const std::string &choice : parameter.choices)
            box->addItem(fromStd(choice), fromStd(choice));
        if (parameter.required) {
            box->insertItem(0, tr("(choose one)"), QString());
            box->setCurrentIndex(0);
        }
        connect(box, &QComboBox::currentIndexChanged, this, &ToolForm::revalidate);
        return box;
    }
    auto *line = new QLineEdit;
    line->setPlaceholderText(placeholderFor(parameter.type));
    connect(line, &QLineEdit::textChanged, this, &ToolForm::revalidate);
    return line;
}

std::optional<QString> ToolForm::textOf(const Field &field) const
{
    if (auto *box = qobject_cast<QCheckBox *>(field.editor)) {
        if (box->checkState() == Qt::PartiallyChecked)
            return std::nullopt;
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (auto *box = qobject_cast<QComboBox *>(field.editor)) {
        const QString value = box->currentData().toString();
        return value.isEmpty() ? std::nullopt : std::optional<QString>(value);
    }
    const QString text = static_cast<QLineEdit *>(field.editor)->text();
    // A string keeps its spaces; a number or an array with nothing but spaces is empty.
    const bool empty = field.parameter.type == "string" ? text.isEmpty() : text.trimmed().isEmpty();
    return empty ? std::nullopt : std::optional<QString>(field.parameter.type == "string" ? text : text.trimmed());
}

void ToolForm::revalidate()
{
    m_problem.clear();
    Json arguments = Json::object();
    for (const Field &field : m_fields) {
        field.mark->clear();
        const std::optional<QString> text = textOf(field);
        const ChatToolParameter &parameter = field.parameter;
        if (!text) {
            if (parameter.required) {
                const std::string missing =
                    "'" + parameter.name + "' is required (" + parameter.type + ")";
                field.mark->add(finding(RuleId::MissingField, missing));
                if (m_problem.isEmpty())
                    m_problem = fromStd(missing);
            }
            continue;
        }
        std::string error;
        std::optional<Json> value = chat_tool_call::typedValue(parameter, *text, error);
        if (!value) {
            field.mark->add(finding(RuleId::WrongType, error));
            if (m_problem.isEmpty())
                m_problem = fromStd(error);
            continue;
        }
        arguments[parameter.name] = std::move(*value);
    }
    if (m_toolName.empty()) {
        m_problem = tr("Choose a tool.");
        m_arguments.reset();
    } else if (m_problem.isEmpty()) {
        ChatTool tool;
        tool.name = m_toolName;
        for (const Field &field : m_fields)
            tool.parameters.push_back(field.parameter);
        // The same check `tools call` makes, so the form and the command refuse alike.
        m_problem = fromStd(chat_tool_call::checkArguments(tool, arguments));
    }
    m_arguments = m_problem.isEmpty() ? std::optional<Json>(arguments) : std::nullopt;
    emit changed();
}

std::optional<Json> ToolForm::arguments() const
{
    return m_arguments;
}

QString ToolForm::problem() const
{
    return m_problem;
}

QWidget *ToolForm::editor(const std::string &parameter) const
{
    for (const Field &field : m_fields) {
        if (field.parameter.name == parameter)
            return field.editor;
    }
    return nullptr;
}

FieldMark *ToolForm::mark(const std::string &parameter) const
{
    for (const Field &field : m_fields) {
        if (field.parameter.name == parameter)
            return field.mark;
    }
    return nullptr;
}

QLabel *ToolForm::label(const std::string &parameter) const
{
    for (const Field &field : m_fields) {
        if (field.parameter.name == parameter)
            return field.label;
    }
    return nullptr;
}

void ToolForm::setValue(const std::string &parameter, const QString &text)
{
    QWidget *widget = editor(parameter);
    if (auto *check = qobject_cast<QCheckBox *>(widget))
        check->setCheckState(text == u"true" ? Qt::Checked : Qt::Unchecked);
    else if (auto *list = qobject_cast<QComboBox *>(widget))
        list->setCurrentIndex(list->findData(text));
    else if (auto *line = qobject_cast<QLineEdit *>(widget))
        line->setText(text);
}

} // namespace studio
