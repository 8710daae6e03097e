#pragma once

#include "edit/JsonEdit.h"

#include <QObject>
#include <QString>

#include <string>
#include <vector>

class QWidget;

namespace studio {

// Binds one form widget to the value at one JSON pointer of the document: shows the
// value of the last text that parsed, and turns what the user does into JsonEdits.
class FieldBinding : public QObject
{
    Q_OBJECT

public:
    FieldBinding(QString label, std::string pointer, QObject *parent = nullptr);

    const QString &label() const { return m_label; }
    const std::string &pointer() const { return m_pointer; }
    virtual QWidget *widget() const = 0;

    // Shows the value at pointer() (null when absent), leaving a widget the user is typing
    // in alone when it already shows that value.
    virtual void show(const Json *value) = 0;
    // Focuses the widget, or the part of it `pointer` (at or below pointer()) names.
    virtual void focus(const std::string &pointer);

signals:
    void editRequested(const QString &description, const std::vector<studio::JsonEdit> &edits,
                       const QString &mergeKey);

protected:
    // A one-step edit setting this field; typing merges with the edits of the same field
    // around it, a click does not.
    enum class Merge
    {
        WithSameField,
        Never
    };
    void requestSet(Json value, Merge merge = Merge::WithSameField);

private:
    QString m_label;
    std::string m_pointer;
};

} // namespace studio
