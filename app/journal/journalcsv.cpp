#include "journalcsv.h"

#include "campaignactions.h"
#include "journalmessage.h"
#include "tabulartext.h"

namespace {

struct CsvColumn {
    const char *name; // stays English and stable: reports and scripts read it
    QString (*value)(const JournalEntry &);
    bool freeText = false; // typed by a person or sent by a server: may start like a formula
};

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
        values << (c.freeText ? TabularText::defuse(c.value(e)) : c.value(e));
    return values;
}

QByteArray JournalCsv::toCsv(const QList<QStringList> &rows)
{
    // Only free text is defused (in fields()): the columns the app fills, a negative error code
    // among them, are written as they are.
    return TabularText::csv(rows, TabularText::Cells::AsIs);
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
    return TabularText::parseCsv(csv);
}
