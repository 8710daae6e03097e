#pragma once

#include "document/DocumentSession.h"

#include <QTest>

#include <memory>

namespace studio::test {

// Saves the session's document (in place, or as `path`) and runs the event loop until the
// write has ended. Returns "" when it was written, else the error the session reported; a
// save that never ends fails the running test.
inline QString saveAndWait(DocumentSession &session, const QString &path = {},
                           int timeoutMs = 10'000)
{
    auto error = std::make_shared<std::optional<QString>>();
    const auto done = [error](const QString &message) { *error = message; };
    if (path.isEmpty())
        session.save(done);
    else
        session.saveAs(path, done);
    if (!QTest::qWaitFor([&] { return error->has_value(); }, timeoutMs)) {
        QTest::qFail("the save never ended", __FILE__, __LINE__);
        return QStringLiteral("the save never ended");
    }
    return **error;
}

} // namespace studio::test
