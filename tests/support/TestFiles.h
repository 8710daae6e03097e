#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <string>

namespace studio::test {

// Writes `bytes` to `path`, creating its folders; fails the running test on error.
void writeFile(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path);
// Copies a folder tree (e.g. samples/repo into a temporary folder the test may change).
void copyTree(const QString &from, const QString &to);

// A PNG, JPEG, WebP ... of the given size encoded by hand (headers and a minimal body), so
// tests of the header probe do not depend on an image library.
QByteArray pngBytes(int width, int height, bool withAlpha = false, int padBytes = 0);
QByteArray jpegBytes(int width, int height, int exifBytes = 0);
QByteArray webpVp8xBytes(int width, int height, bool withAlpha);
QByteArray webpVp8lBytes(int width, int height, bool withAlpha);
QByteArray webpVp8Bytes(int width, int height);
QByteArray gifBytes(int width, int height);

// A plugin repository in a temporary folder: community-plugins.json plus files.
class TemporaryRepository
{
public:
    TemporaryRepository();

    QString root() const { return m_dir.path(); }
    QString path(const QString &relative) const;
    QString indexPath() const { return path(QStringLiteral("community-plugins.json")); }
    void write(const QString &relative, const QByteArray &bytes) const;
    void writeIndex(const std::string &json) const;

private:
    QTemporaryDir m_dir;
};

} // namespace studio::test
