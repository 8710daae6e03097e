#include "TranscriptAppender.h"

#include "io/TextFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace studio {

namespace {

constexpr std::string_view kClosing = "\n]\n";

std::string systemError(const QString &path, const char *what)
{
    return std::string("cannot ") + what + " '" + path.toStdString() + "': " +
           std::strerror(errno);
}

} // namespace

TranscriptAppender::TranscriptAppender(QString path)
    : m_path(std::move(path))
{}

std::string TranscriptAppender::append(const Json &segments)
{
    std::string lines;
    for (const Json &segment : segments) {
        if (!lines.empty())
            lines += ",\n";
        lines += "  " + segment.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    if (lines.empty())
        return {};
    std::string error = m_size == 0 ? create(lines) : extend(lines);
    if (error.empty())
        m_segments += int(segments.size());
    return error;
}

std::string TranscriptAppender::create(const std::string &lines)
{
    const std::string text = "[\n" + lines + std::string(kClosing);
    std::string error = TextFile::writeAtomically(m_path, text);
    if (error.empty())
        m_size = qint64(text.size());
    return error;
}

std::string TranscriptAppender::extend(const std::string &lines)
{
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return systemError(m_path, "reopen");
    // The file must still end as this left it; if someone changed it, append nothing.
    char tail[kClosing.size()] = {};
    const qint64 tailAt = m_size - qint64(kClosing.size());
    if (::pread(fd, tail, sizeof tail, tailAt) != qint64(sizeof tail) ||
        std::string_view(tail, sizeof tail) != kClosing || ::lseek(fd, 0, SEEK_END) != m_size) {
        ::close(fd);
        return "'" + m_path.toStdString() + "' changed on disk since it was written: nothing "
               "appended";
    }
    const std::string addition = ",\n" + lines + std::string(kClosing);
    qint64 done = 0;
    while (done < qint64(addition.size())) {
        const ssize_t written =
            ::pwrite(fd, addition.data() + done, addition.size() - std::size_t(done), tailAt + done);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            std::string error = systemError(m_path, "append to");
            // Put the closing bracket back, so the file stays whole JSON.
            [[maybe_unused]] const ssize_t restored =
                ::pwrite(fd, kClosing.data(), kClosing.size(), tailAt);
            [[maybe_unused]] const int truncated = ::ftruncate(fd, m_size);
            ::close(fd);
            return error;
        }
        done += written;
    }
    ::close(fd);
    m_size = tailAt + qint64(addition.size());
    return {};
}

} // namespace studio
