#include "wirejson.h"

#include <cmath>

namespace WireJson {

std::optional<qint64> toInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    constexpr double exactLimit = 9007199254740992.0; // 2^53
    if (!std::isfinite(d) || std::trunc(d) != d || d > exactLimit || d < -exactLimit)
        return std::nullopt;
    return static_cast<qint64>(d);
}

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime utc = time.toUTC();
    int year = 0;
    int month = 0;
    int day = 0;
    utc.date().getDate(&year, &month, &day);
    // Qt writes no ISO date outside years 0-9999 (an empty string): left to it.
    if (year < 0 || year > 9999)
        return utc.toString(Qt::ISODateWithMs);
    // By hand rather than with QDateTime::toString(), whose QString::asprintf() calls stood out
    // in the profile of a list page (two dates a campaign) once the JSON was written directly.
    const QTime t = utc.time();
    char text[] = "0000-00-00T00:00:00.000Z";
    const auto put = [&text](int at, int digits, int value) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = static_cast<char>('0' + value % 10);
    };
    put(0, 4, year);
    put(5, 2, month);
    put(8, 2, day);
    put(11, 2, t.hour());
    put(14, 2, t.minute());
    put(17, 2, t.second());
    put(20, 3, t.msec());
    return QString::fromLatin1(text, sizeof(text) - 1);
}

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t;
}

} // namespace WireJson
