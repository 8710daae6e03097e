#pragma once

#include "FieldBinding.h"

#include <QWidget>

#include <string>
#include <utility>
#include <vector>

class QCheckBox;
class QLabel;

namespace studio {

// An array of strings from a known set, as check boxes (capabilities, notification
// scopes). Values outside the set stay in the array and are listed under the boxes, so
// a typo is visible rather than silently dropped.
class StringSetEditor : public FieldBinding
{
    Q_OBJECT

public:
    // Each option: the JSON value and the label the user sees.
    StringSetEditor(QString label, std::string pointer,
                    std::vector<std::pair<std::string, QString>> options, int columns,
                    QObject *parent = nullptr);

    // The form places the widget in its layout, which owns it from then on.
    QWidget *widget() const override { return m_widget; }
    void show(const Json *value) override;
    // Replaces the boxes (another contract knows other values); show() the value again after.
    void setOptions(std::vector<std::pair<std::string, QString>> options);
    // The array holds objects with the value under `key` ([{"action": x}]), not strings.
    void setElementKey(std::string key) { m_elementKey = std::move(key); }

    bool isChecked(const std::string &value) const;
    QCheckBox *box(const std::string &value) const;

signals:
    // The user ticked or cleared a box; the form decides what goes with it.
    void toggled(const std::string &value, bool checked);

private:
    QWidget *m_widget;
    int m_columns;
    std::string m_elementKey;
    std::vector<std::pair<std::string, QCheckBox *>> m_boxes;
    QLabel *m_unknown;
};

} // namespace studio
