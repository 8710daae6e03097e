#pragma once

#include "simulation/payload/MemoryLoadResult.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace studio {

class DiagnosticMarks;
class MemoryDraft;
class MemoryEditor;
struct EditorPalette;

// The memory_creation page: a memory to send (a sample, a recent file, one opened or
// dropped, or one made from a transcript), its JSON in an editor with every problem
// underlined and listed at line:column, and Send.
class MemoryPanel : public QWidget
{
    Q_OBJECT

public:
    MemoryPanel(MemoryDraft *draft, QWidget *parent = nullptr);

    // Files offered in the picker: the samples, then the recent ones.
    void setFixtures(const QStringList &samples, const QStringList &recent);
    void applyPalette(const EditorPalette &palette);

    MemoryEditor *editor() const { return m_editor; }
    DiagnosticMarks *marks() const { return m_marks; }
    QListWidget *issueList() const { return m_issues; }
    QComboBox *fixtureBox() const { return m_fixtures; }
    QPushButton *sendButton() const { return m_send; }
    QString statusText() const;

signals:
    void fixtureChosen(const QString &path);
    void openRequested();
    void generateRequested();
    void sendRequested();

private:
    void showChecked(const MemoryLoadResult &result);
    void showIssue(int row);
    void showSource(const QString &source);

    MemoryDraft *m_draft;
    QComboBox *m_fixtures;
    QPushButton *m_open;
    QPushButton *m_generate;
    QPushButton *m_send;
    MemoryEditor *m_editor;
    DiagnosticMarks *m_marks;
    QLabel *m_status;
    QListWidget *m_issues;
    bool m_revealError = false;
};

} // namespace studio
