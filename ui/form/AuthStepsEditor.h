#pragma once

#include "FieldBinding.h"

class QPushButton;
class QTableWidget;

namespace studio {

// external_integration.auth_steps as a table of name and URL, with buttons to add,
// remove and reorder steps. Each change is one undo step.
class AuthStepsEditor : public FieldBinding
{
    Q_OBJECT

public:
    explicit AuthStepsEditor(QObject *parent = nullptr);

    // The form places the widget in its layout, which owns it from then on.
    QWidget *widget() const override { return m_widget; }
    void show(const Json *value) override;
    void focus(const std::string &pointer) override;

    QTableWidget *table() const { return m_table; }

private:
    std::string stepPointer(int row) const;
    void cellEdited(int row, int column);
    void addStep();
    void removeStep();
    void moveStep(int delta);
    void updateButtons();

    QWidget *m_widget;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    Json m_shown = Json::array();
    bool m_showing = false;
    int m_focusRowAfterAdd = -1;
};

} // namespace studio
