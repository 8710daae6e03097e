#include "JsonInputReader.h"

#include "json/JsonPointer.h"

#include <cmath>

namespace studio {

namespace {

QString keyText(std::string_view key)
{
    return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

} // namespace

JsonInputReader::JsonInputReader(std::string_view text)
    : m_text(text)
    , m_lines(m_text)
    , m_parse(parseJson(m_text))
{
    if (m_parse.error) {
        const SourcePosition position = m_lines.position(m_parse.error->offset);
        m_parseError = LoadIssue{
            position.line,
            position.column,
            {},
            QStringLiteral("invalid JSON: %1").arg(QString::fromStdString(m_parse.error->message))};
        return;
    }
    for (const JsonParseIssue &issue : m_parse.issues) {
        if (issue.kind == JsonParseIssue::Kind::DuplicateKey)
            warn(issue.pointer, QStringLiteral("duplicate key: only the last value counts"));
    }
}

LoadIssue JsonInputReader::issueAt(const std::string &pointer, const QString &message) const
{
    LoadIssue issue;
    issue.pointer = pointer;
    issue.message = message;
    if (const JsonLocation *location = m_parse.sourceMap.findNearest(pointer)) {
        const SourcePosition position = m_lines.position(location->value.begin);
        issue.line = position.line;
        issue.column = position.column;
    }
    return issue;
}

int JsonInputReader::lineAt(const std::string &pointer) const
{
    const JsonLocation *location = m_parse.sourceMap.findNearest(pointer);
    return location ? m_lines.line(location->value.begin) : 0;
}

void JsonInputReader::fail(const std::string &pointer, const QString &message) const
{
    throw Failure{issueAt(pointer, message)};
}

void JsonInputReader::warn(const std::string &pointer, const QString &message)
{
    m_warnings.append(issueAt(pointer, message));
}

std::string JsonInputReader::memberPointer(const std::string &pointer, std::string_view key)
{
    return json_pointer::append(pointer, key);
}

QString JsonInputReader::typeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return QStringLiteral("null");
    case Json::value_t::boolean:
        return QStringLiteral("a boolean");
    case Json::value_t::string:
        return QStringLiteral("a string");
    case Json::value_t::array:
        return QStringLiteral("an array");
    case Json::value_t::object:
        return QStringLiteral("an object");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return QStringLiteral("a number");
    default:
        return QStringLiteral("an unsupported value");
    }
}

const Json &JsonInputReader::member(const Json &object, const std::string &pointer,
                                    std::string_view key) const
{
    const auto it = object.find(key);
    if (it == object.end())
        fail(pointer, QStringLiteral("missing required key \"%1\"").arg(keyText(key)));
    return *it;
}

QString JsonInputReader::string(const Json &object, const std::string &pointer,
                                std::string_view key) const
{
    const Json &value = member(object, pointer, key);
    if (!value.is_string())
        fail(memberPointer(pointer, key),
             QStringLiteral("\"%1\" must be a string, not %2").arg(keyText(key), typeName(value)));
    return QString::fromStdString(value.get<std::string>());
}

std::optional<QString> JsonInputReader::optionalString(const Json &object,
                                                       const std::string &pointer,
                                                       std::string_view key) const
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::nullopt;
    if (!it->is_string())
        fail(memberPointer(pointer, key), QStringLiteral("\"%1\" must be a string or null, not %2")
                                              .arg(keyText(key), typeName(*it)));
    return QString::fromStdString(it->get<std::string>());
}

bool JsonInputReader::boolean(const Json &object, const std::string &pointer,
                              std::string_view key) const
{
    const Json &value = member(object, pointer, key);
    if (!value.is_boolean())
        fail(memberPointer(pointer, key), QStringLiteral("\"%1\" must be true or false, not %2")
                                              .arg(keyText(key), typeName(value)));
    return value.get<bool>();
}

double JsonInputReader::number(const Json &object, const std::string &pointer,
                               std::string_view key) const
{
    const Json &value = member(object, pointer, key);
    if (!value.is_number())
        fail(memberPointer(pointer, key),
             QStringLiteral("\"%1\" must be a number, not %2").arg(keyText(key), typeName(value)));
    const double result = value.get<double>();
    if (!std::isfinite(result))
        fail(memberPointer(pointer, key),
             QStringLiteral("\"%1\" is out of range").arg(keyText(key)));
    return result;
}

std::optional<double> JsonInputReader::optionalNumber(const Json &object,
                                                      const std::string &pointer,
                                                      std::string_view key) const
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::nullopt;
    return number(object, pointer, key);
}

qint64 JsonInputReader::integer(const Json &object, const std::string &pointer,
                                std::string_view key) const
{
    const Json &value = member(object, pointer, key);
    if (value.is_number_integer() &&
        (!value.is_number_unsigned() ||
         value.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT32_MAX)))
        return value.get<qint64>();
    if (value.is_number_float()) {
        const double number = value.get<double>();
        // Python's int fields accept 30.0 but not 30.5.
        if (std::isfinite(number) && number == std::floor(number) && std::abs(number) < 1e15)
            return static_cast<qint64>(number);
    }
    fail(memberPointer(pointer, key),
         QStringLiteral("\"%1\" must be a whole number, not %2")
             .arg(keyText(key),
                  value.is_number() ? QString::fromStdString(value.dump()) : typeName(value)));
}

void JsonInputReader::expectObject(const Json &value, const std::string &pointer) const
{
    if (!value.is_object())
        fail(pointer, QStringLiteral("expected an object, not %1").arg(typeName(value)));
}

void JsonInputReader::expectArray(const Json &value, const std::string &pointer) const
{
    if (!value.is_array())
        fail(pointer, QStringLiteral("expected an array, not %1").arg(typeName(value)));
}

void JsonInputReader::warnUnknownKeys(const Json &object, const std::string &pointer,
                                      std::initializer_list<std::string_view> known,
                                      const QString &what)
{
    for (const auto &[key, value] : object.items()) {
        bool isKnown = false;
        for (std::string_view candidate : known)
            isKnown = isKnown || candidate == key;
        if (!isKnown)
            warn(memberPointer(pointer, key),
                 QStringLiteral("\"%1\" is not a field of %2: it is ignored")
                     .arg(QString::fromStdString(key), what));
    }
}

} // namespace studio
