#pragma once

// An independent check of the studio's webhook signatures: Python's own hmac module, run as
// a real process (python3 from Debian), computing what a plugin's verifier computes.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace studio::test {

inline constexpr const char *kPythonHmac =
    "import hmac, hashlib, sys\n"
    "secret, t, uid = sys.argv[1:4]\n"
    "body = sys.stdin.buffer.read()\n"
    "message = (t + '.' + uid + '.').encode('utf-8') + body\n"
    "print(hmac.new(secret.encode('utf-8'), message, hashlib.sha256).hexdigest())\n";

// The hex v1 signature of `body` for `uid` at `t` under `secret`, as Python computes it;
// empty when python3 could not run.
inline QByteArray pythonHmacHex(const QString &secret, qint64 t, const QString &uid,
                                const QByteArray &body)
{
    QProcess python;
    python.start(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"), QString::fromLatin1(kPythonHmac), secret, QString::number(t), uid});
    if (!python.waitForStarted(10'000))
        return {};
    python.write(body);
    python.closeWriteChannel();
    if (!python.waitForFinished(20'000) || python.exitCode() != 0)
        return {};
    return python.readAllStandardOutput().trimmed();
}

} // namespace studio::test
