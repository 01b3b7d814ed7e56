#pragma once

#include "journalentry.h"

#include <QCoreApplication>
#include <QString>

// What a journal row says to a person, rendered from the facts the journal keeps, in the
// language the app speaks now. The sentences are the ones the bulk results showed at the time
// (BulkItemResult::message), so History and the results box never disagree.
class JournalMessage
{
    Q_DECLARE_TR_FUNCTIONS(JournalMessage)
public:
    static QString text(const JournalEntry &entry);
};
