#include "journalcsv.h"

#include "campaignactions.h"

#include <QCoreApplication>

namespace {

QString escape(const QString &field)
{
    static const QString special = QStringLiteral(",\"\r\n");
    if (std::none_of(field.cbegin(), field.cend(), [](QChar c) { return special.contains(c); }))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QStringList JournalCsv::header()
{
    // Column names stay English and stable: reports and scripts read them.
    return {QStringLiteral("time_utc"),     QStringLiteral("duration_ms"),   QStringLiteral("os_user"),
            QStringLiteral("api_host"),     QStringLiteral("campaign_id"),   QStringLiteral("campaign_name"),
            QStringLiteral("action"),       QStringLiteral("status_before"), QStringLiteral("status_after"),
            QStringLiteral("outcome"),      QStringLiteral("error_code"),    QStringLiteral("error_text"),
            QStringLiteral("operation_id"), QStringLiteral("reason")};
}

QStringList JournalCsv::fields(const JournalEntry &e)
{
    return {e.startedAt.toUTC().toString(Qt::ISODateWithMs),
            e.durationMs >= 0 ? QString::number(e.durationMs) : QString(),
            e.osUser,
            e.apiHost,
            QString::number(e.campaignId),
            e.campaignName,
            CampaignActions::journalKey(e.action),
            CampaignStatuses::toApiString(e.statusBefore),
            CampaignStatuses::toApiString(e.statusAfter),
            JournalEntry::outcomeKey(e.outcome),
            e.errorCode ? QString::number(e.errorCode) : QString(),
            e.errorText,
            e.operationId,
            e.reason};
}

QByteArray JournalCsv::toCsv(const QList<QStringList> &rows)
{
    QString text;
    for (const QStringList &row : rows) {
        QStringList escaped;
        escaped.reserve(row.size());
        for (const QString &f : row)
            escaped << escape(f);
        text += escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

QByteArray JournalCsv::toCsv(const QList<JournalEntry> &entries)
{
    QList<QStringList> rows;
    rows.reserve(entries.size() + 1);
    rows << header();
    for (const JournalEntry &e : entries)
        rows << fields(e);
    return toCsv(rows);
}

QList<QStringList> JournalCsv::parse(const QByteArray &csv)
{
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        any = true;
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row << field;
            rows << row;
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any) {
        row << field;
        rows << row;
    }
    return rows;
}
