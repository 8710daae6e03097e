#pragma once

#include "diagnostics/Diagnostic.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace studio {

class ProblemsModel;

// The problems list: a table of the model with a summary line. Activating a row (double
// click, Return) or stepping with F8 / Shift+F8 asks to show that diagnostic.
class ProblemsView : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsView(ProblemsModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // Selects and activates the next (or previous) problem after the selected one, wrapping.
    void activateNext();
    void activatePrevious();
    void activateRow(int row);

signals:
    void diagnosticActivated(const studio::Diagnostic &diagnostic);

private:
    void step(int delta);
    void updateSummary();

    ProblemsModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace studio
