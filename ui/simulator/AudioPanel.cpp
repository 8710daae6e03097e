#include "AudioPanel.h"

#include "audio/AudioChunker.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace studio {

AudioPanel::AudioPanel(QWidget *parent)
    : QWidget(parent)
    , m_file(new QLabel(tr("No recording open."), this))
    , m_facts(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
{
    setObjectName(QStringLiteral("audioPanel"));
    m_facts->setObjectName(QStringLiteral("audioFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_send->setObjectName(QStringLiteral("audioSend"));
    m_send->setEnabled(false);
    auto *open = new QPushButton(tr("Open WAV..."), this);
    open->setObjectName(QStringLiteral("audioOpen"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(m_file, 1);
    buttons->addWidget(m_send);
    auto *note = new QLabel(
        tr("The app streams PCM 16-bit mono to audio_bytes apps: a POST of about 4 s of audio "
           "(sample_rate * 4 * 2 bytes) once it has been spoken, to "
           "<url>?sample_rate=<rate>&uid=<uid>. Latest wins: a chunk due while the previous "
           "one is in flight waits, and is dropped when a newer one falls due first. The app "
           "ignores the answer."),
        this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_facts);
    layout->addWidget(note);
    layout->addStretch(1);

    connect(open, &QPushButton::clicked, this, &AudioPanel::openRequested);
    connect(m_send, &QPushButton::clicked, this, &AudioPanel::sendRequested);
}

void AudioPanel::setLoading(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
    m_facts->setText(tr("Reading..."));
    m_send->setEnabled(false);
}

void AudioPanel::setAudio(const QString &path, const AudioLoadResult &loaded)
{
    const PcmAudio &audio = *loaded.audio;
    const QList<AudioChunk> chunks = AudioChunker::cut(audio);
    m_file->setText(QDir::toNativeSeparators(path));
    m_facts->setText(tr("%1, %2 s: %3 chunks of %4 bytes (4 s), the last %5 bytes")
                         .arg(loaded.format ? loaded.format->describe()
                                            : tr("%1 Hz 16-bit PCM").arg(audio.sampleRate))
                         .arg(audio.seconds(), 0, 'f', 2)
                         .arg(chunks.size())
                         .arg(AudioChunker::chunkBytes(audio.sampleRate))
                         .arg(chunks.isEmpty() ? 0 : chunks.last().pcm.size()));
    m_send->setEnabled(true);
}

void AudioPanel::setLoadFailed(const QString &path, const QString &error)
{
    m_file->setText(QDir::toNativeSeparators(path));
    m_facts->setText(error);
    m_send->setEnabled(false);
}

QString AudioPanel::factsText() const
{
    return m_facts->text();
}

} // namespace studio
