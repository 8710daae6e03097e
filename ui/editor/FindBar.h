#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace studio {

class JsonEditor;

// A find bar under the text editor: type to find, Return / Shift+Return for the next and
// previous match, Escape to close and go back to the text. Its replace row changes the
// match at the caret or every match, each through the document as one undoable step.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(JsonEditor *editor, QWidget *parent = nullptr);

    // Shows the bar with the editor's selection (if any) as the text to find.
    void activate();
    // The same, with the replace row.
    void activateReplace();
    void findNext();
    void findPrevious();
    // Replaces the selected match, then selects the next one.
    void replaceNext();
    // Replaces every match; returns how many.
    int replaceAll();

    QLineEdit *field() const { return m_field; }
    QLineEdit *replaceField() const { return m_replaceField; }
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *replaceAllButton() const { return m_replaceAll; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void show(bool withReplace);
    bool find(bool forward, bool fromSelectionStart);
    bool selectionIsMatch() const;

    JsonEditor *m_editor;
    QLineEdit *m_field;
    QCheckBox *m_matchCase;
    QLabel *m_status;
    QLabel *m_replaceLabel = nullptr;
    QWidget *m_replaceRow;
    QLineEdit *m_replaceField;
    QPushButton *m_replace;
    QPushButton *m_replaceAll;
};

} // namespace studio
