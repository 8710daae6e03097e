#include "MemoryDraft.h"

#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulation/payload/MemoryGenerator.h"
#include "simulation/payload/MemoryPayload.h"
#include "transcript/TranscriptLoader.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent>

namespace studio {

MemoryDraft::MemoryDraft(QObject *parent)
    : QObject(parent)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(kValidationDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &MemoryDraft::validateNow);
    connect(&m_validation, &QFutureWatcher<Validation>::finished, this,
            &MemoryDraft::deliverValidation);
    connect(&m_load, &QFutureWatcher<Loaded>::finished, this, &MemoryDraft::deliverLoad);
}

MemoryDraft::~MemoryDraft()
{
    m_validation.disconnect(this);
    m_load.disconnect(this);
    m_validation.waitForFinished();
    m_load.waitForFinished();
}

void MemoryDraft::setText(const QByteArray &text)
{
    if (text == m_text)
        return;
    m_text = text;
    ++m_revision;
    m_checked = false;
    m_delay.start();
}

void MemoryDraft::replaceText(const QByteArray &text, const QString &source)
{
    m_text = text;
    m_source = source;
    ++m_revision;
    m_checked = false;
    emit textReplaced(text, source);
    validateNow();
}

void MemoryDraft::validateNow()
{
    m_delay.stop();
    const quint64 revision = m_revision;
    const QByteArray text = m_text;
    m_validation.setFuture(QtConcurrent::run([revision, text] {
        return Validation{revision, MemoryFixtureLoader::parse(
                                        std::string_view(text.constData(), size_t(text.size())))};
    }));
}

void MemoryDraft::deliverValidation()
{
    Validation validation = m_validation.result();
    if (validation.revision != m_revision)
        return; // the text changed meanwhile; its own check follows
    m_result = std::move(validation.result);
    m_checked = true;
    emit checked(m_result);
}

void MemoryDraft::loadFile(const QString &path)
{
    m_load.setFuture(QtConcurrent::run([path] {
        QFile file(path);
        if (QFileInfo(path).size() > MemoryFixtureLoader::kMaxBytes)
            return Loaded{path, {}, tr("the file is larger than 64 MB")};
        if (!file.open(QIODevice::ReadOnly))
            return Loaded{path, {}, file.errorString()};
        return Loaded{path, file.readAll(), {}};
    }));
}

void MemoryDraft::generateFromTranscript(const QString &path)
{
    m_load.setFuture(QtConcurrent::run([path] {
        const TranscriptLoadResult loaded = TranscriptLoader::loadFile(path);
        if (!loaded.ok())
            return Loaded{path, {}, loaded.error->toString()};
        if (loaded.segments.isEmpty())
            return Loaded{path, {}, tr("the transcript has no segment")};
        const Memory memory = MemoryGenerator::fromTranscript(loaded.segments);
        const std::string text = MemoryPayload::build(memory).dump(2) + '\n';
        return Loaded{tr("generated from %1").arg(QFileInfo(path).fileName()),
                      QByteArray::fromStdString(text),
                      {}};
    }));
}

void MemoryDraft::deliverLoad()
{
    const Loaded loaded = m_load.result();
    if (!loaded.error.isEmpty()) {
        emit loadFailed(loaded.source, loaded.error);
        return;
    }
    replaceText(loaded.text, loaded.source);
}

} // namespace studio
