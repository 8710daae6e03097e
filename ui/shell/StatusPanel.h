#pragma once

#include "diagnostics/ValidationReport.h"

#include <QObject>

class QLabel;
class QStatusBar;

namespace studio {

// The permanent part of the status bar: whether the text parses, the problem counts and
// the caret's line and column.
class StatusPanel : public QObject
{
    Q_OBJECT

public:
    explicit StatusPanel(QStatusBar *bar);

    void setParseState(bool parses, const QString &detail);
    void setReport(const ValidationReport &report);
    void setCursor(int line, int column);

    QString parseText() const;
    QString countsText() const;
    QString cursorText() const;

private:
    QLabel *m_parse;
    QLabel *m_counts;
    QLabel *m_cursor;
};

} // namespace studio
