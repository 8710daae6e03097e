#pragma once

#include <QFrame>

class QLabel;

namespace studio {

struct RunRecord;

// What the app did with one answer, in the app's words: the outcome as a coloured tag, the
// verdict's reason, the transport error when there was one, and the further notes.
class VerdictBanner : public QFrame
{
    Q_OBJECT

public:
    explicit VerdictBanner(QWidget *parent = nullptr);

    void setRecord(const RunRecord &record);
    void clear();
    // The label's text without markup, for tests and accessibility.
    QString plainText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QLabel *m_text;
    int m_outcomeKind = -1;
    QString m_reason;
    QString m_error;
    QStringList m_notes;
};

} // namespace studio
