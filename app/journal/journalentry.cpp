#include "journalentry.h"

#include "campaignactions.h"

#include <QCoreApplication>

QString JournalEntry::outcomeKey(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::Success:
        return QStringLiteral("success");
    case Outcome::ApiError:
        return QStringLiteral("api_error");
    case Outcome::TransportError:
        return QStringLiteral("transport_error");
    case Outcome::Unknown:
        return QStringLiteral("unknown");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::NotApplied:
        return QStringLiteral("not_applied");
    }
    return QString();
}

JournalEntry::Outcome JournalEntry::outcomeFromKey(const QString &key)
{
    for (Outcome o : {Outcome::Pending, Outcome::Success, Outcome::ApiError, Outcome::TransportError, Outcome::Unknown,
                      Outcome::Cancelled, Outcome::NotApplied}) {
        if (outcomeKey(o) == key)
            return o;
    }
    return Outcome::Unknown;
}

QString JournalEntry::outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QCoreApplication::translate("JournalEntry", "In progress");
    case Outcome::Success:
        return QCoreApplication::translate("JournalEntry", "Success");
    case Outcome::ApiError:
        return QCoreApplication::translate("JournalEntry", "Refused by the server");
    case Outcome::TransportError:
        return QCoreApplication::translate("JournalEntry", "Not delivered");
    case Outcome::Unknown:
        return QCoreApplication::translate("JournalEntry", "Outcome unknown");
    case Outcome::Cancelled:
        return QCoreApplication::translate("JournalEntry", "Cancelled");
    case Outcome::NotApplied:
        return QCoreApplication::translate("JournalEntry", "Not in effect");
    }
    return QString();
}

QString JournalEntry::confirmationKey(Confirmation confirmation)
{
    switch (confirmation) {
    case Confirmation::Answer:
        return QStringLiteral("");
    case Confirmation::ReadBack:
        return QStringLiteral("read_back");
    case Confirmation::LaterCheck:
        return QStringLiteral("later_check");
    }
    return QStringLiteral("");
}

JournalEntry::Confirmation JournalEntry::confirmationFromKey(const QString &key)
{
    for (Confirmation c : {Confirmation::ReadBack, Confirmation::LaterCheck}) {
        if (confirmationKey(c) == key)
            return c;
    }
    return Confirmation::Answer;
}
