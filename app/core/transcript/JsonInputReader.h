#pragma once

#include "LoadIssue.h"
#include "json/JsonParser.h"
#include "json/LineIndex.h"

#include <QList>
#include <QString>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace studio {

// Reads a JSON input file whose values must have given types (a transcript, a memory
// fixture) and turns every mismatch into a LoadIssue with line, column and JSON pointer.
//
// The typed accessors throw JsonInputReader::Failure; each loader catches it at its public
// boundary, so a malformed input ends the load with one clear error, never a crash.
class JsonInputReader
{
public:
    struct Failure
    {
        LoadIssue issue;
    };

    explicit JsonInputReader(std::string_view text);
    // The line index views the reader's own copy of the text: no copies.
    JsonInputReader(const JsonInputReader &) = delete;
    JsonInputReader &operator=(const JsonInputReader &) = delete;

    bool parsed() const { return !m_parseError.has_value(); }
    const std::optional<LoadIssue> &parseError() const { return m_parseError; }
    const Json &root() const { return m_parse.value; }
    const QList<LoadIssue> &warnings() const { return m_warnings; }

    LoadIssue issueAt(const std::string &pointer, const QString &message) const;
    int lineAt(const std::string &pointer) const; // issueAt(pointer, {}).line, faster
    [[noreturn]] void fail(const std::string &pointer, const QString &message) const;
    void warn(const std::string &pointer, const QString &message);

    // Member access on an object at `pointer`. Required members fail when absent; the
    // optional ones return nullopt when absent or null.
    const Json &member(const Json &object, const std::string &pointer, std::string_view key) const;
    QString string(const Json &object, const std::string &pointer, std::string_view key) const;
    std::optional<QString> optionalString(const Json &object, const std::string &pointer,
                                          std::string_view key) const;
    bool boolean(const Json &object, const std::string &pointer, std::string_view key) const;
    double number(const Json &object, const std::string &pointer, std::string_view key) const;
    std::optional<double> optionalNumber(const Json &object, const std::string &pointer,
                                         std::string_view key) const;
    qint64 integer(const Json &object, const std::string &pointer, std::string_view key) const;

    // Checks the value itself.
    void expectObject(const Json &value, const std::string &pointer) const;
    void expectArray(const Json &value, const std::string &pointer) const;

    // Warns about each member not in `known`: a misspelt key would otherwise be dropped
    // without a word, exactly as the app drops it.
    void warnUnknownKeys(const Json &object, const std::string &pointer,
                         std::initializer_list<std::string_view> known, const QString &what);

    // "a string", "a number", "null", "an array" ... for messages.
    static QString typeName(const Json &value);
    static std::string memberPointer(const std::string &pointer, std::string_view key);

private:
    std::string m_text; // the LineIndex views it
    LineIndex m_lines;
    JsonParseResult m_parse;
    std::optional<LoadIssue> m_parseError;
    QList<LoadIssue> m_warnings;
};

} // namespace studio
