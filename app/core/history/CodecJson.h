#pragma once

#include "json/JsonParser.h"

#include <QString>
#include <QStringList>

// The small conversions the history's codecs share between Qt strings and the JSON they
// store. Reading tolerates a missing key (an older run) and gives the empty value.
namespace studio::codec {

inline std::string utf8(const QString &text)
{
    return text.toStdString();
}

inline QString text(const Json &json, const char *key)
{
    return QString::fromStdString(json.value(key, std::string()));
}

inline Json stringList(const QStringList &list)
{
    Json array = Json::array();
    for (const QString &item : list)
        array.push_back(utf8(item));
    return array;
}

inline QStringList stringList(const Json &json, const char *key)
{
    QStringList list;
    if (json.contains(key))
        for (const Json &item : json.at(key))
            list.append(QString::fromStdString(item.get<std::string>()));
    return list;
}

} // namespace studio::codec
