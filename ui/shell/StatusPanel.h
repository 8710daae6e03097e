#pragma once

#include "diagnostics/ValidationReport.h"

#include <QObject>

#include <optional>

class QLabel;
class QStatusBar;

namespace studio {

class StatusMessages;

// The status bar: whether the text parses, the problem counts and the caret's line and
// column on the right; on the left the messages, each tied to its cause (StatusMessages),
// among them the problem last shown, which goes when validation no longer finds it.
class StatusPanel : public QObject
{
    Q_OBJECT

public:
    explicit StatusPanel(QStatusBar *bar);

    void setParseState(bool parses, const QString &detail);
    void setReport(const ValidationReport &report);
    void setCursor(int line, int column);
    // The message of a problem the user went to, shown while the problem remains.
    void showDiagnostic(const Diagnostic &diagnostic);
    // Another document is open: its problems are others.
    void clearDiagnostic();
    StatusMessages *messages() const { return m_messages; }

    QString parseText() const;
    QString countsText() const;
    QString cursorText() const;

    static constexpr const char *kDiagnosticCause = "diagnostic";

private:
    StatusMessages *m_messages;
    std::optional<Diagnostic> m_diagnostic;
    QLabel *m_parse;
    QLabel *m_counts;
    QLabel *m_cursor;
};

} // namespace studio
