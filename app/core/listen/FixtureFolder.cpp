#include "FixtureFolder.h"

#include "TrafficRecognizer.h"
#include "io/TextFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace studio {

namespace {

// A session id as a file name: letters, digits, '.', '_' and '-' only, at most 64 of them;
// an id that needed changing gets a short hash of the original, so two never collide.
QString fileSafe(const QString &session)
{
    QString safe;
    for (const QChar c : session.left(64)) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                           (c >= u'0' && c <= u'9') || c == u'_' || c == u'-' || c == u'.';
        safe += plain ? c : QChar(u'_');
    }
    if (safe.startsWith(u'.'))
        safe[0] = u'_';
    if (safe == session && !safe.isEmpty())
        return safe;
    const QByteArray hash =
        QCryptographicHash::hash(session.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return (safe.isEmpty() ? QString() : safe + u'-') + QString::fromLatin1(hash);
}

QByteArray rawMessage(const HttpServerRequest &request)
{
    QByteArray raw = request.method + ' ' + request.target + ' ' + request.version + "\r\n";
    for (const auto &[name, value] : request.headers)
        raw += name + ": " + value + "\r\n";
    return raw + "\r\n" + request.body;
}

} // namespace

FixtureFolder::FixtureFolder(QString folder)
    : m_folder(std::move(folder))
{}

std::string FixtureFolder::prepare(const QString &folder)
{
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return "'" + folder.toStdString() + "' is a file, not a folder";
    if (!info.exists() && !QDir().mkpath(folder))
        return "cannot create the folder '" + folder.toStdString() + "'";
    if (!QFileInfo(folder).isWritable())
        return "cannot write into the folder '" + folder.toStdString() + "'";
    return {};
}

CaughtRequest FixtureFolder::keep(const HttpServerRequest &request)
{
    CaughtRequest caught;
    caught.request = request;
    const RecognizedRequest recognized = TrafficRecognizer::recognize(request);
    caught.kind = recognized.kind;
    switch (recognized.kind) {
    case CaughtRequest::Kind::Memory:
        keepMemory(caught);
        break;
    case CaughtRequest::Kind::Transcript:
        keepTranscript(caught, recognized.session, recognized.body);
        break;
    case CaughtRequest::Kind::Other:
        keepRaw(caught, recognized.reason);
        break;
    }
    return caught;
}

void FixtureFolder::keepMemory(CaughtRequest &caught)
{
    const QString path = nextFree(QStringLiteral("memory-"), QStringLiteral(".json"), m_memories);
    writeWhole(caught, path,
               std::string_view(caught.request.body.constData(),
                                std::size_t(caught.request.body.size())));
    if (caught.written)
        caught.note = QStringLiteral("a memory");
}

void FixtureFolder::keepTranscript(CaughtRequest &caught, const QString &session,
                                   const Json &body)
{
    TranscriptAppender *appender = appenderFor(session);
    if (!appender) {
        caught.kind = CaughtRequest::Kind::Other;
        keepRaw(caught, QStringLiteral("a transcript batch of one session too many (over %1)")
                            .arg(kMaxSessions));
        return;
    }
    const Json &segments = body["segments"];
    caught.fixture = appender->path();
    const std::string error = appender->append(segments);
    caught.written = error.empty();
    caught.note = caught.written ? QStringLiteral("+%1 segment%2 of session %3 (%4 in all)")
                                       .arg(segments.size())
                                       .arg(segments.size() == 1 ? QString() : QStringLiteral("s"))
                                       .arg(session)
                                       .arg(appender->segmentCount())
                                 : QString::fromStdString(error);
}

void FixtureFolder::keepRaw(CaughtRequest &caught, const QString &reason)
{
    const QString path = nextFree(QStringLiteral("request-"), QStringLiteral(".http"), m_others);
    const QByteArray raw = rawMessage(caught.request);
    writeWhole(caught, path, std::string_view(raw.constData(), std::size_t(raw.size())));
    if (caught.written)
        caught.note = QStringLiteral("kept raw: %1").arg(reason);
}

void FixtureFolder::writeWhole(CaughtRequest &caught, const QString &path,
                               std::string_view bytes)
{
    caught.fixture = path;
    const std::string error = TextFile::writeAtomically(path, bytes);
    caught.written = error.empty();
    if (!caught.written)
        caught.note = QString::fromStdString(error);
}

QString FixtureFolder::nextFree(const QString &prefix, const QString &suffix, int &counter) const
{
    QString path;
    do {
        path = QDir(m_folder).filePath(prefix + QString::number(++counter) + suffix);
    } while (QFileInfo::exists(path));
    return path;
}

TranscriptAppender *FixtureFolder::appenderFor(const QString &session)
{
    if (const auto found = m_transcripts.constFind(session); found != m_transcripts.cend())
        return found->get();
    if (m_transcripts.size() >= kMaxSessions)
        return nullptr;
    const QString base = QStringLiteral("transcript-") + fileSafe(session);
    QString path = QDir(m_folder).filePath(base + QStringLiteral(".json"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(m_folder).filePath(base + u'-' + QString::number(n) + QStringLiteral(".json"));
    auto appender = std::make_shared<TranscriptAppender>(path);
    m_transcripts.insert(session, appender);
    return appender.get();
}

} // namespace studio
