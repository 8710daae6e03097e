#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace studio {

// What a history operation gives back: its value, or an error that says what failed and
// where (the database's path). Never an exception: a history that cannot be used must not
// stop a run, so every caller decides what to do with the error and goes on.
template <typename T> class HistoryResult
{
public:
    static HistoryResult success(T value)
    {
        HistoryResult result;
        result.m_value = std::move(value);
        return result;
    }
    static HistoryResult failure(QString error) { return failed(std::move(error), false); }
    // The database works, but holds no such run.
    static HistoryResult notFound(QString error) { return failed(std::move(error), true); }

    bool ok() const { return m_value.has_value(); }
    bool isNotFound() const { return m_notFound; }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value from a temporary result, so `for (x : history.list().value())` is safe.
    T value() && { return std::move(*m_value); }
    const QString &error() const { return m_error; }

private:
    static HistoryResult failed(QString error, bool notFound)
    {
        HistoryResult result;
        result.m_error = std::move(error);
        result.m_notFound = notFound;
        return result;
    }

    std::optional<T> m_value;
    QString m_error;
    bool m_notFound = false;
};

// The result of an operation that gives nothing back but may fail.
using HistoryStatus = HistoryResult<std::monostate>;

} // namespace studio
