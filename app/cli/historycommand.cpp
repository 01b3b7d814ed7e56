#include "historycommand.h"

#include "accountstore.h"
#include "campaignactions.h"
#include "clioptions.h"
#include "idspec.h"
#include "journal.h"
#include "recordwriter.h"

#include <QSet>
#include <QTextStream>

ExitCode HistoryCommand::run(const CommandContext &context, Settings *settings)
{
    const CliOptions &o = context.options;
    Journal::Filter filter;
    filter.limit = o.limit;
    if (!o.actionKey.isEmpty()) {
        filter.action = CampaignActions::fromJournalKey(o.actionKey);
        if (!filter.action) {
            QStringList keys;
            for (const ActionSpec &spec : CampaignActions::all())
                keys << QLatin1String(spec.journalKey);
            context.err
                << tr("--action: \"%1\" is not an action; use %2.").arg(o.actionKey, keys.join(QStringLiteral(", ")))
                << '\n';
            return ExitCode::Usage;
        }
    }
    QSet<qint64> only;
    if (!o.campaigns.isEmpty()) {
        QList<qint64> ids;
        QString error;
        if (!IdSpec::parse(o.campaigns, &ids, &error)) {
            context.err << error << '\n';
            return ExitCode::Usage;
        }
        if (ids.size() == 1)
            filter.campaignId = ids.constFirst();
        else
            only = QSet<qint64>(ids.cbegin(), ids.cend());
    }
    if (o.since.isValid())
        filter.from = o.since.toUTC();

    Journal journal;
    if (!journal.open(Journal::defaultPath())) {
        context.err << tr("History is unavailable: %1").arg(journal.errorString()) << '\n';
        return ExitCode::SomeFailed;
    }
    if (!o.historyAccount.isEmpty()) {
        // A saved account by its name, or an account History has rows for (a removed one, or a
        // one-off --api-url session named after its host).
        const AccountStore store(settings);
        if (const auto saved = store.findByName(o.historyAccount))
            filter.accountId = saved->id;
        const QList<AccountRef> known = journal.accounts();
        for (const AccountRef &ref : known) {
            if (filter.accountId.isEmpty() && ref.name.compare(o.historyAccount.trimmed(), Qt::CaseInsensitive) == 0)
                filter.accountId = ref.id;
        }
    }
    // A one-off --api-url session's rows have no account id, only the host as the name: they are
    // matched by name here.
    const QString accountName = filter.accountId.isEmpty() ? o.historyAccount.trimmed() : QString();
    if (!only.isEmpty() || !accountName.isEmpty())
        filter.limit = Journal::Filter{}.limit; // narrowed here, then cut to --limit
    RecordWriter writer(&context.out, o.format,
                        {{QStringLiteral("started_at"), tr("Started")},
                         {QStringLiteral("account"), tr("Account")},
                         {QStringLiteral("campaign_id"), tr("ID"), true},
                         {QStringLiteral("campaign_name"), tr("Name")},
                         {QStringLiteral("action"), tr("Action")},
                         {QStringLiteral("outcome"), tr("Outcome")},
                         {QStringLiteral("status_before"), tr("Before")},
                         {QStringLiteral("status_after"), tr("After")},
                         {QStringLiteral("user"), tr("User")},
                         {QStringLiteral("reason"), tr("Reason")}});
    for (const JournalEntry &e : journal.entries(filter)) {
        if (!only.isEmpty() && !only.contains(e.campaignId))
            continue;
        if (!accountName.isEmpty() && e.account.name.compare(accountName, Qt::CaseInsensitive) != 0)
            continue;
        if (writer.count() >= o.limit)
            break;
        writer.add({e.startedAt.toUTC().toString(Qt::ISODate), e.account.name, QString::number(e.campaignId),
                    e.campaignName, CampaignActions::journalKey(e.action), JournalEntry::outcomeKey(e.outcome),
                    CampaignStatuses::toApiString(e.statusBefore), CampaignStatuses::toApiString(e.statusAfter),
                    e.osUser, e.reason});
    }
    writer.finish();
    journal.close();
    context.err << tr("%n action(s)", nullptr, writer.count()) << '\n';
    return ExitCode::Ok;
}
