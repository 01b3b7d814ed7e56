#include "campaignidparser.h"

#include <QRegularExpression>
#include <QSet>

namespace {

// A positive ID of at most 15 digits: well inside the 2^53 a JSON number holds exactly.
std::optional<qint64> readId(QStringView text)
{
    if (text.startsWith(QLatin1Char('#')))
        text = text.mid(1);
    if (text.isEmpty() || text.size() > 15)
        return std::nullopt;
    for (QChar ch : text) {
        if (ch < QLatin1Char('0') || ch > QLatin1Char('9'))
            return std::nullopt;
    }
    const qint64 id = text.toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

CampaignIdParser::Result CampaignIdParser::parse(const QString &text)
{
    Result result;
    QString normalised = text;
    // "20 - 25", "20–25" and "20—25" are ranges too.
    normalised.replace(QChar(0x2013), QLatin1Char('-')).replace(QChar(0x2014), QLatin1Char('-'));
    static const QRegularExpression spacedDash(QStringLiteral("\\s*-\\s*"));
    normalised.replace(spacedDash, QStringLiteral("-"));
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    const QStringList tokens = normalised.split(separators, Qt::SkipEmptyParts);

    QSet<qint64> seen;
    bool overflow = false;
    auto add = [&](qint64 id) {
        if (seen.contains(id)) {
            ++result.duplicates;
            return;
        }
        if (result.ids.size() >= kMaxIds) {
            overflow = true;
            return;
        }
        seen.insert(id);
        result.ids.append(id);
    };
    for (const QString &token : tokens) {
        const qsizetype dash = token.indexOf(QLatin1Char('-'), 1);
        if (dash > 0) {
            const auto first = readId(QStringView(token).left(dash));
            const auto last = readId(QStringView(token).mid(dash + 1));
            if (!first || !last) {
                result.errors << tr("'%1' is not a campaign ID or a range like 20-25").arg(token);
            } else if (*last < *first) {
                result.errors << tr("'%1' is a reversed range: write %2-%3").arg(token).arg(*last).arg(*first);
            } else if (*last - *first + 1 > kMaxRangeSize) {
                result.errors << tr("'%1' holds more than %2 IDs").arg(token).arg(kMaxRangeSize);
            } else {
                for (qint64 id = *first; id <= *last; ++id)
                    add(id);
            }
            continue;
        }
        if (const auto id = readId(token))
            add(*id);
        else
            result.errors << tr("'%1' is not a campaign ID").arg(token);
    }
    if (overflow)
        result.errors << tr("At most %1 campaigns can be added at once").arg(kMaxIds);
    return result;
}
