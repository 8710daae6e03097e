#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QTextBrowser;

namespace studio {

struct ExportPlan;

// What holds an export back: the entry's errors (code, line, message) with the deliberate
// "Export anyway" checkbox, and why the index cannot take the entry, if it cannot.
class ExportBlockersView : public QWidget
{
    Q_OBJECT

public:
    explicit ExportBlockersView(QWidget *parent = nullptr);

    void setPlan(const ExportPlan &plan);
    bool isInsisting() const;

signals:
    void insistingChanged(bool insisting);

private:
    QLabel *m_headline;
    QTextBrowser *m_errors; // a table that wraps long messages and can be copied from
    QCheckBox *m_exportAnyway;
    QLabel *m_indexProblem;
};

} // namespace studio
