#pragma once

#include "diagnostics/Diagnostic.h"

#include <QWidget>

class QHBoxLayout;
class QAction;
class QLabel;
class QTableView;
class QToolButton;

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
    QString summaryText() const;
    // The summary's words when there is nothing to show, and the hint after the counts.
    void setSummaryWording(const QString &noProblems, const QString &howToGo);
    // A widget on the summary's line, at its right (a progress bar).
    void addSummaryWidget(QWidget *widget);
    // Selects and activates the next (or previous) problem after the selected one, wrapping.
    void activateNext();
    void activatePrevious();
    void activateRow(int row);
    // Asks to apply the one-click fix of the problem on `row`, when it has one.
    void fixRow(int row);
    QToolButton *fixButton() const { return m_fixButton; }

signals:
    void diagnosticActivated(const studio::Diagnostic &diagnostic);
    void fixRequested(const studio::Diagnostic &diagnostic);

private:
    void step(int delta);
    void updateSummary();
    void updateFix();
    int selectedRow() const;

    ProblemsModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QHBoxLayout *m_summaryLine;
    QString m_noProblems;
    QString m_howToGo;
    QToolButton *m_fixButton;
    QAction *m_fixAction;
};

} // namespace studio
