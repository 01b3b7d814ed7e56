#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

// How the emulator reads and writes the API's scalar fields (altcraft-api.md), written apart
// from the client's parser so that the two can disagree and a test can notice.
namespace WireJson {

// A JSON number that is a whole number a double holds exactly (the API's "int").
std::optional<qint64> toInteger(const QJsonValue &value);
// RFC 3339 in UTC with milliseconds and a Z, as the documentation's examples show.
QString formatTime(const QDateTime &time);
// RFC 3339, with or without milliseconds; invalid when it is not a date.
QDateTime parseTime(const QString &text);

} // namespace WireJson
