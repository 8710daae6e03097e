#pragma once

#include "audio/AudioFile.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace studio {

// The audio page, for audio_bytes apps: the recording to stream (a WAV), what it is (format,
// length, the app's chunks) and Send. The file is read elsewhere, off the GUI thread.
class AudioPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AudioPanel(QWidget *parent = nullptr);

    void setLoading(const QString &path);
    void setAudio(const QString &path, const AudioLoadResult &loaded);
    void setLoadFailed(const QString &path, const QString &error);

    QPushButton *sendButton() const { return m_send; }
    QString factsText() const;

signals:
    void openRequested();
    void sendRequested();

private:
    QLabel *m_file;
    QLabel *m_facts;
    QPushButton *m_send;
};

} // namespace studio
