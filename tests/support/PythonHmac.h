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

// What `script` prints (trimmed), run by Debian's python3 with `arguments` and `input` on
// its standard input; empty when python3 could not run.
inline QByteArray pythonOutput(const char *script, const QStringList &arguments,
                               const QByteArray &input)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral("-c"), QString::fromLatin1(script)} + arguments);
    if (!python.waitForStarted(10'000))
        return {};
    python.write(input);
    python.closeWriteChannel();
    if (!python.waitForFinished(20'000) || python.exitCode() != 0)
        return {};
    return python.readAllStandardOutput().trimmed();
}

// The hex v1 signature of `body` for `uid` at `t` under `secret`, as Python computes it;
// empty when python3 could not run.
inline QByteArray pythonHmacHex(const QString &secret, qint64 t, const QString &uid,
                                const QByteArray &body)
{
    return pythonOutput(kPythonHmac, {secret, QString::number(t), uid}, body);
}

inline constexpr const char *kPythonV2 =
    "import hmac, hashlib, sys, urllib.parse as u\n"
    "secret, t, delivery, method, url = sys.argv[1:6]\n"
    "body = sys.stdin.buffer.read()\n"
    "q = lambda s: u.quote(s, safe='-._~')\n"
    "p = u.urlsplit(url)\n"
    "path = '/'.join(q(u.unquote(s)) for s in (p.path or '/').split('/'))\n"
    "pairs = [(q(k), q(v)) for k, v in u.parse_qsl(p.query, keep_blank_values=True)]\n"
    "query = '&'.join(k + '=' + v for k, v in sorted(pairs, key=lambda kv: kv[0]))\n"
    "head = ''.join(x + '\\n' for x in ['v2', t, delivery, 'chat_tool', method, path, query])\n"
    "print(hmac.new(secret.encode(), head.encode() + body, hashlib.sha256).hexdigest())\n";

// The hex v2 signature of a chat tool call, as a receiver computes it in Python from
// CONTRACT-2026.md: `arguments` are secret, t, delivery id, METHOD and the URL called; empty
// when python3 could not run.
inline QByteArray pythonV2Hex(const QStringList &arguments, const QByteArray &body)
{
    return pythonOutput(kPythonV2, arguments, body);
}

} // namespace studio::test
