#include "actioncommand.h"

#include "actioneligibility.h"
#include "altcraftclient.h"
#include "campaignactions.h"
#include "campaignreader.h"
#include "campaignservice.h"
#include "clioptions.h"
#include "clisession.h"
#include "journal.h"
#include "journalrecorder.h"
#include "recordwriter.h"
#include "statuslabels.h"
#include "terminaltext.h"
#include "unixsignalwatcher.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QTextStream>

#include <csignal>

namespace {

CampaignAction actionOf(CliOptions::Command command)
{
    switch (command) {
    case CliOptions::Command::Activate:
        return CampaignAction::Activate;
    case CliOptions::Command::Complete:
        return CampaignAction::Complete;
    default:
        return CampaignAction::Deactivate;
    }
}

QString outcomeKey(BulkOutcome outcome)
{
    switch (outcome) {
    case BulkOutcome::Succeeded:
        return QStringLiteral("succeeded");
    case BulkOutcome::Failed:
        return QStringLiteral("failed");
    case BulkOutcome::NotInEffect:
        return QStringLiteral("not_in_effect");
    case BulkOutcome::Unknown:
        return QStringLiteral("unknown");
    case BulkOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace

ExitCode ActionCommand::run(const CommandContext &context, CliSession &session)
{
    const CliOptions &o = context.options;
    const CampaignAction action = actionOf(o.command);
    const QList<qint64> &ids = context.options.campaignIds;
    const Account &account = session.account();
    if (account.readOnly && !o.dryRun) {
        context.err << tr("%1 is marked read-only: nothing was sent.").arg(TerminalText::plain(account.name)) << '\n';
        return ExitCode::Access;
    }

    // Eligibility first, from what the server says now.
    const QHash<qint64, ApiResult<Campaign>> read = CampaignReader::campaigns(session.client(), ids);
    CampaignService service(session.client(), session.settings());
    QList<Campaign> campaigns;
    ExitCode code = ExitCode::Ok;
    int unreadable = 0;
    const QList<RecordWriter::Column> columns{
        {QStringLiteral("id"), tr("ID"), true},          {QStringLiteral("name"), tr("Name")},
        {QStringLiteral("status_before"), tr("Before")}, {QStringLiteral("outcome"), tr("Outcome")},
        {QStringLiteral("status_after"), tr("After")},   {QStringLiteral("message"), tr("Message")},
    };
    const QList<RecordWriter::Column> dryColumns{
        {QStringLiteral("id"), tr("ID"), true},
        {QStringLiteral("name"), tr("Name")},
        {QStringLiteral("status"), tr("Status")},
        {QStringLiteral("would_send"), tr("Would send")},
    };
    RecordWriter writer(&context.out, o.format, o.dryRun ? dryColumns : columns);
    auto skipRow
        = [&](qint64 id, const QString &name, const QString &status, const QString &outcome, const QString &message) {
              if (o.dryRun)
                  writer.add({QString::number(id), name, status, message});
              else
                  writer.add({QString::number(id), name, status, outcome, QString(), message});
          };
    for (qint64 id : ids) {
        const ApiResult<Campaign> &r = read.value(id);
        if (!r.ok()) {
            ++unreadable;
            code = CommandContext::worse(code, CommandContext::exitFor(r.error));
            skipRow(id, QString(), QString(), QStringLiteral("unreadable"),
                    tr("Not sent: the campaign could not be read: %1")
                        .arg(r.error.serverText().isEmpty() ? r.error.message() : r.error.serverText()));
            continue;
        }
        campaigns << r.value;
    }
    service.model()->upsert(campaigns);
    const ActionEligibility eligibility = ActionEligibility::of(action, ids, *service.model());
    int alreadyDone = 0;
    for (const Campaign &c : std::as_const(campaigns)) {
        if (eligibility.eligible.contains(c.id))
            continue;
        // Already where the action leads (a runbook run twice): done, nothing to send. Anything
        // else skipped is not done, and the exit status says so.
        if (CampaignActions::reaches(action, c.status)) {
            ++alreadyDone;
            skipRow(c.id, c.name, CampaignStatuses::toApiString(c.status), QStringLiteral("already"),
                    tr("Already “%1”: nothing to send.").arg(StatusLabels::status(c.status, c.statusText)));
            continue;
        }
        code = CommandContext::worse(code, ExitCode::SomeFailed);
        skipRow(c.id, c.name, CampaignStatuses::toApiString(c.status), QStringLiteral("skipped"),
                tr("Skipped: the campaign is “%1”.").arg(StatusLabels::status(c.status, c.statusText)));
    }
    // The sentence on the skipped ones leaves out those already done.
    ActionEligibility notDone = eligibility;
    notDone.wrongStatus -= alreadyDone;
    if (notDone.skipped() > 0)
        context.err << notDone.skippedText(action) << '\n';
    const int eligible = static_cast<int>(eligibility.eligible.size());

    if (o.dryRun) {
        const RequestFactory factory = session.client()->factory();
        for (qint64 id : eligibility.eligible) {
            const Campaign *c = service.model()->campaign(id);
            const QString method = CampaignActions::apiMethod(action);
            const QString body = QString::fromUtf8(
                QJsonDocument(AltcraftClient::actionFields(action, id, o.schedule)).toJson(QJsonDocument::Compact));
            writer.add({QString::number(id), c->name, CampaignStatuses::toApiString(c->status),
                        QStringLiteral("POST %1 %2").arg(factory.url(method).toString(QUrl::RemoveUserInfo), body)});
        }
        writer.finish();
        context.err << tr("Dry run: %n request(s) would be sent (each body also carries the token); nothing was sent.",
                          nullptr, eligible)
                    << '\n';
        if (action == CampaignAction::Complete)
            context.err << tr("To complete them, add --confirm-count %1.").arg(eligible) << '\n';
        return code;
    }
    if (action == CampaignAction::Complete && o.confirmCount != eligible) {
        writer.finish();
        context.err << (o.confirmCount
                            ? tr("--confirm-count %1 does not match the %n eligible campaign(s): nothing was sent.",
                                 nullptr, eligible)
                                  .arg(*o.confirmCount)
                            : tr("Completing cannot be undone: add --confirm-count %1 (the number of eligible "
                                 "campaigns) to complete them. Nothing was sent.")
                                  .arg(eligible))
                    << '\n';
        return ExitCode::Usage;
    }
    if (eligible == 0) {
        writer.finish();
        context.err << (alreadyDone > 0 && notDone.skipped() == 0
                            ? tr("Nothing to send: %n campaign(s) already done.", nullptr, alreadyDone)
                            : tr("Nothing to send."))
                    << '\n';
        // Every campaign already where the action leads is all done; an empty spec is not.
        return code == ExitCode::Ok && alreadyDone == 0 ? ExitCode::SomeFailed : code;
    }

    // Recorded before each request leaves, in the journal the window's History reads.
    Journal journal;
    if (!journal.open(Journal::defaultPath())) {
        writer.finish();
        context.err << tr("History is unavailable, so nothing was sent: %1").arg(journal.errorString()) << '\n';
        return ExitCode::SomeFailed;
    }
    JournalRecorder recorder(&journal, &service);
    recorder.setAccount(account.id.isEmpty() ? AccountRef{QString(), account.apiUrl.host()} : account.ref());

    QEventLoop loop;
    BulkSummary summary;
    QHash<qint64, const Campaign *> byId;
    for (const Campaign &c : std::as_const(campaigns))
        byId.insert(c.id, &c);
    QObject::connect(&service, &CampaignService::actionItemFinished, &loop, [&](qint64, const BulkItemResult &r) {
        const Campaign *before = byId.value(r.id);
        writer.add({QString::number(r.id), before ? before->name : QString(),
                    before ? CampaignStatuses::toApiString(before->status) : QString(), outcomeKey(r.outcome),
                    CampaignStatuses::toApiString(r.statusAfter), r.message()});
        if (r.outcome == BulkOutcome::Failed)
            code = CommandContext::worse(code, CommandContext::exitFor(r.error));
        else if (r.outcome == BulkOutcome::NotInEffect || r.outcome == BulkOutcome::Cancelled)
            code = CommandContext::worse(code, ExitCode::SomeFailed);
        else if (r.outcome == BulkOutcome::Unknown)
            code = CommandContext::worse(code, ExitCode::SomeUnknown);
    });
    if (context.progress) {
        QObject::connect(&service, &CampaignService::actionProgress, &loop, [&](int done, int total) {
            context.err << '\r' << tr("%1 of %2 done").arg(done).arg(total);
            context.err.flush();
        });
    }
    QObject::connect(&service, &CampaignService::actionFinished, &loop,
                     [&](CampaignAction, const BulkSummary &s, const QList<BulkItemResult> &) {
                         summary = s;
                         loop.quit();
                     });
    // Ctrl+C (or a TERM) stops what has not been sent; what is on its way still settles and is
    // journalled, so the summary and History stay true.
    UnixSignalWatcher interrupts({SIGINT, SIGTERM});
    bool stopping = false;
    QObject::connect(&interrupts, &UnixSignalWatcher::received, &loop, [&](int) {
        if (stopping)
            return;
        stopping = true;
        if (context.progress)
            context.err << CommandContext::kClearProgress;
        context.err << tr("Stopping: nothing more is sent; waiting for the answers already on their way.") << '\n'
                    << Qt::flush;
        service.shutDown(); // unsent items stay unsent; those on the wire still settle
    });
    if (!service.runAction(action, eligibility.eligible, o.reason, o.schedule)) {
        writer.finish();
        context.err << tr("The action could not start.") << '\n';
        return ExitCode::SomeFailed;
    }
    loop.exec();
    journal.close();
    if (context.progress)
        context.err << CommandContext::kClearProgress << Qt::flush;
    writer.finish();

    QStringList parts{CampaignActions::doneCount(action, summary.succeeded)};
    if (summary.failed + unreadable > 0)
        parts << tr("%n failed", nullptr, summary.failed + unreadable);
    if (summary.notInEffect > 0)
        parts << tr("%n not in effect", nullptr, summary.notInEffect);
    if (summary.unknown > 0)
        parts << tr("%n unknown", nullptr, summary.unknown);
    if (summary.cancelled > 0)
        parts << tr("%n not sent", nullptr, summary.cancelled);
    if (alreadyDone > 0)
        parts << tr("%n already done", nullptr, alreadyDone);
    if (notDone.skipped() > 0)
        parts << tr("%n skipped", nullptr, notDone.skipped());
    context.err << parts.join(QStringLiteral(", ")) << '\n';
    if (summary.unknown > 0)
        context.err << tr("Check the status of the unknown ones before trying again: campaign-manager-cli status …")
                    << '\n';
    return code;
}
