#include "TextFile.h"

#include <QFileInfo>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// Written with POSIX calls rather than QSaveFile: the error must be the system's own ("no
// space left on device", not the message left after a cancel), and a replaced file must keep
// its mode and owner.
namespace studio {

namespace {

std::string quoted(const QString &path)
{
    return "'" + path.toStdString() + "'";
}

std::string failed(const QString &path, int error)
{
    std::string reason = std::strerror(error); // "No space left on device"
    if (!reason.empty())
        reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    return "cannot write " + quoted(path) + ": " + reason;
}

// Closes and removes the temporary file unless it was renamed into place.
class TemporaryFile
{
public:
    explicit TemporaryFile(std::string pattern)
        : m_path(std::move(pattern))
    {
        m_fd = ::mkostemp(m_path.data(), O_CLOEXEC);
    }
    ~TemporaryFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_renamed)
            ::unlink(m_path.c_str());
    }
    TemporaryFile(const TemporaryFile &) = delete;
    TemporaryFile &operator=(const TemporaryFile &) = delete;

    int fd() const { return m_fd; }
    const std::string &path() const { return m_path; }

    // Returns 0 or the errno of the failed write.
    int writeAll(std::string_view bytes) const
    {
        while (!bytes.empty()) {
            const ssize_t written = ::write(m_fd, bytes.data(), bytes.size());
            if (written < 0) {
                if (errno == EINTR)
                    continue;
                return errno;
            }
            bytes.remove_prefix(static_cast<std::size_t>(written));
        }
        return 0;
    }

    int closeFile()
    {
        const int fd = std::exchange(m_fd, -1);
        return ::close(fd) == 0 ? 0 : errno;
    }

    void markRenamed() { m_renamed = true; }

private:
    std::string m_path;
    int m_fd = -1;
    bool m_renamed = false;
};

// The file a path names: a symbolic link is followed, so the link stays and its target is
// replaced.
QString resolvedTarget(const QString &path)
{
    const QFileInfo info(path);
    const QString target = info.isSymLink() ? info.canonicalFilePath() : QString();
    return target.isEmpty() ? path : target;
}

} // namespace

std::string TextFile::writeAtomically(const QString &path, std::string_view bytes)
{
    const QString target = resolvedTarget(path);
    const QByteArray nativeTarget = QFile::encodeName(target);
    struct stat existing = {};
    const bool replacing = ::stat(nativeTarget.constData(), &existing) == 0;
    if (replacing && S_ISDIR(existing.st_mode))
        return failed(path, EISDIR);
    // A read-only file stays read-only for its writers, though its folder would allow the
    // rename (root may still replace it, as with any file it writes).
    if (replacing && ::access(nativeTarget.constData(), W_OK) != 0)
        return failed(path, errno);

    const QFileInfo info(target);
    const std::string folder = QFile::encodeName(info.absolutePath()).toStdString();
    TemporaryFile temporary(folder + "/." + QFile::encodeName(info.fileName()).toStdString() +
                            ".XXXXXX");
    if (temporary.fd() < 0)
        return failed(path, errno);
    if (const int error = temporary.writeAll(bytes))
        return failed(path, error);

    // A new file gets the usual mode for the umask; a replaced one keeps its mode and owner.
    if (replacing) {
        if (::fchmod(temporary.fd(), existing.st_mode & 07777) != 0)
            return failed(path, errno);
        if ((existing.st_uid != ::geteuid() || existing.st_gid != ::getegid()) &&
            ::fchown(temporary.fd(), existing.st_uid, existing.st_gid) != 0 && errno != EPERM)
            return failed(path, errno);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        if (::fchmod(temporary.fd(), 0666 & ~mask) != 0)
            return failed(path, errno);
    }
    // Data on disk before the rename, or a crash could leave an empty file under the old name.
    if (::fsync(temporary.fd()) != 0)
        return failed(path, errno);
    if (const int error = temporary.closeFile())
        return failed(path, error);
    if (::rename(temporary.path().c_str(), nativeTarget.constData()) != 0)
        return failed(path, errno);
    temporary.markRenamed();
    return {};
}

std::string TextFile::hardLinkNotice(const QString &path)
{
    struct stat existing = {};
    const QByteArray nativeTarget = QFile::encodeName(resolvedTarget(path));
    if (::stat(nativeTarget.constData(), &existing) != 0 || existing.st_nlink < 2)
        return {};
    return quoted(path) + " has " + std::to_string(existing.st_nlink) +
           " hard links: it is replaced as a new file, so its other names keep the old content";
}

} // namespace studio
