#include "journalcsv.h"

#include "campaignactions.h"
#include "journalmessage.h"

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

struct CsvColumn {
    const char *name; // stays English and stable: reports and scripts read it
    QString (*value)(const JournalEntry &);
    bool freeText = false; // typed by a person or sent by a server: may start like a formula
};

// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula:
// a campaign named "=HYPERLINK(...)" must open as text. The apostrophe is what spreadsheets
// themselves use to mark text (OWASP, "CSV injection").
QString defused(const QString &text)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    if (!text.isEmpty() && triggers.contains(text.front()))
        return QLatin1Char('\'') + text;
    return text;
}

QString utc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QString number(qint64 n)
{
    return n != 0 ? QString::number(n) : QString();
}

// Existing columns keep their place; new ones go at the end, so a script reading by position
// keeps working. error_text is the sentence in the language of the export; the columns after it
// are the facts it was made from.
const CsvColumn kColumns[] = {
    {"time_utc", [](const JournalEntry &e) { return e.startedAt.toUTC().toString(Qt::ISODateWithMs); }},
    {"duration_ms",
     [](const JournalEntry &e) { return e.durationMs >= 0 ? QString::number(e.durationMs) : QString(); }},
    {"os_user", [](const JournalEntry &e) { return e.osUser; }, true},
    {"api_host", [](const JournalEntry &e) { return e.apiHost; }},
    {"campaign_id", [](const JournalEntry &e) { return QString::number(e.campaignId); }},
    {"campaign_name", [](const JournalEntry &e) { return e.campaignName; }, true},
    {"action", [](const JournalEntry &e) { return CampaignActions::journalKey(e.action); }},
    {"status_before", [](const JournalEntry &e) { return CampaignStatuses::toApiString(e.statusBefore); }},
    {"status_after", [](const JournalEntry &e) { return CampaignStatuses::toApiString(e.statusAfter); }},
    {"outcome", [](const JournalEntry &e) { return JournalEntry::outcomeKey(e.outcome); }},
    {"error_code", [](const JournalEntry &e) { return number(e.errorCode); }},
    {"error_text", [](const JournalEntry &e) { return JournalMessage::text(e); }, true},
    {"operation_id", [](const JournalEntry &e) { return e.operationId; }},
    {"reason", [](const JournalEntry &e) { return e.reason; }, true},
    {"error_kind",
     [](const JournalEntry &e) {
         return e.errorKind == ApiError::Kind::None ? QString() : ApiError::kindName(e.errorKind);
     }},
    {"http_status", [](const JournalEntry &e) { return number(e.httpStatus); }},
    {"api_code", [](const JournalEntry &e) { return number(e.apiCode); }},
    {"server_text", [](const JournalEntry &e) { return e.serverText; }, true},
    {"confirmed_by", [](const JournalEntry &e) { return JournalEntry::confirmationKey(e.confirmedBy); }},
    {"interrupted", [](const JournalEntry &e) { return e.interrupted ? QStringLiteral("1") : QString(); }},
    {"account_id", [](const JournalEntry &e) { return e.account.id; }},
    {"account_name", [](const JournalEntry &e) { return e.account.name; }, true},
    {"requested_start", [](const JournalEntry &e) { return utc(e.requestedStart); }},
    {"requested_pause", [](const JournalEntry &e) { return utc(e.requestedPause); }},
    {"requested_completion", [](const JournalEntry &e) { return utc(e.requestedCompletion); }},
};

} // namespace

QStringList JournalCsv::header()
{
    QStringList names;
    for (const CsvColumn &c : kColumns)
        names << QString::fromLatin1(c.name);
    return names;
}

QStringList JournalCsv::fields(const JournalEntry &e)
{
    QStringList values;
    for (const CsvColumn &c : kColumns)
        values << (c.freeText ? defused(c.value(e)) : c.value(e));
    return values;
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
