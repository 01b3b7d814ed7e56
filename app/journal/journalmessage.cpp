#include "journalmessage.h"

#include "bulkitemresult.h"
#include "statuslabels.h"

namespace {

BulkOutcome bulkOutcome(JournalEntry::Outcome outcome)
{
    switch (outcome) {
    case JournalEntry::Outcome::Success:
        return BulkOutcome::Succeeded;
    case JournalEntry::Outcome::NotApplied:
        return BulkOutcome::NotInEffect;
    case JournalEntry::Outcome::Cancelled:
        return BulkOutcome::Cancelled;
    case JournalEntry::Outcome::ApiError:
    case JournalEntry::Outcome::TransportError:
        return BulkOutcome::Failed;
    case JournalEntry::Outcome::Pending:
    case JournalEntry::Outcome::Unknown:
        break;
    }
    return BulkOutcome::Unknown;
}

} // namespace

QString JournalMessage::text(const JournalEntry &e)
{
    if (!e.legacyText.isEmpty())
        return e.legacyText;
    const QString status = StatusLabels::status(e.statusAfter);
    if (e.confirmedBy == JournalEntry::Confirmation::LaterCheck) {
        if (e.outcome == JournalEntry::Outcome::Success)
            return tr("Confirmed later by reading the campaign's status: “%1”.").arg(status);
        if (e.outcome == JournalEntry::Outcome::NotApplied)
            return tr("Not in effect: reading the status later showed “%1”.").arg(status);
    }
    if (e.outcome == JournalEntry::Outcome::Pending)
        return QString();
    // No answer was ever recorded: the app stopped while the request was out.
    if (e.outcome == JournalEntry::Outcome::Unknown && e.interrupted && e.errorKind == ApiError::Kind::None)
        return tr("The app stopped before the server's answer came. Use Check Status Now to learn what happened.");
    BulkItemResult r;
    r.id = e.campaignId;
    r.action = e.action;
    r.outcome = bulkOutcome(e.outcome);
    r.error = ApiError::recorded(e.errorKind, e.httpStatus, e.apiCode, e.serverText);
    r.statusAfter = e.statusAfter;
    r.settledByReread = e.confirmedBy == JournalEntry::Confirmation::ReadBack;
    return r.message();
}
