#pragma once

#include "simulation/payload/MemoryLoadResult.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

namespace studio {

// The memory the simulator sends, as JSON text the user edits, checked against the Memory
// shape (MemoryFixtureLoader) off the GUI thread shortly after each change. Files and
// memories generated from a transcript also load on a worker. Results of text that has
// changed since are dropped.
class MemoryDraft : public QObject
{
    Q_OBJECT

public:
    static constexpr int kValidationDelayMs = 250;

    explicit MemoryDraft(QObject *parent = nullptr);
    ~MemoryDraft() override;

    QByteArray text() const { return m_text; }
    QString source() const { return m_source; } // the file it came from, or how it was made
    // The user's edit: checked after a short pause.
    void setText(const QByteArray &text);
    // Text from elsewhere (a file, a generated memory), checked at once.
    void replaceText(const QByteArray &text, const QString &source);
    void validateNow();

    // The result for the current text; false while it is being checked.
    bool isChecked() const { return m_checked; }
    const MemoryLoadResult &result() const { return m_result; }

    void loadFile(const QString &path);
    void generateFromTranscript(const QString &path);

signals:
    // New text from a file or a transcript; the editor shows it.
    void textReplaced(const QByteArray &text, const QString &source);
    void loadFailed(const QString &source, const QString &message);
    void checked(const studio::MemoryLoadResult &result);

private:
    struct Validation
    {
        quint64 revision = 0;
        MemoryLoadResult result;
    };
    struct Loaded
    {
        QString source;
        QByteArray text;
        QString error;
    };

    void deliverValidation();
    void deliverLoad();

    QByteArray m_text;
    QString m_source;
    quint64 m_revision = 0;
    bool m_checked = false;
    MemoryLoadResult m_result;
    QTimer m_delay;
    QFutureWatcher<Validation> m_validation;
    QFutureWatcher<Loaded> m_load;
};

} // namespace studio
