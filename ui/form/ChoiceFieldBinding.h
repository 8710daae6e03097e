#pragma once

#include "FieldBinding.h"

#include <utility>
#include <vector>

class QComboBox;

namespace studio {

// A string with a fixed set of values, shown by their labels (triggers_on shows the
// app's own words). A value outside the set is shown as it is, marked unknown.
class ChoiceFieldBinding : public FieldBinding
{
    Q_OBJECT

public:
    // Each choice: the JSON value and the label the user sees.
    ChoiceFieldBinding(QString label, std::string pointer, QComboBox *combo,
                       std::vector<std::pair<QString, QString>> choices, QObject *parent = nullptr);

    QWidget *widget() const override;
    void show(const Json *value) override;
    // Replaces the choices (another contract knows other values); show() the value again after.
    void setChoices(std::vector<std::pair<QString, QString>> choices);

private:
    QComboBox *m_combo;
    int m_knownCount = 0;
};

} // namespace studio
