#pragma once

#include "journalentry.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

// CSV export of journal rows: RFC 4180 (CRLF, fields quoted when they hold a comma, a quote or
// a line break, quotes doubled), UTF-8 with a BOM so spreadsheet apps read Cyrillic right.
// Free text (names, reasons, server text) that a spreadsheet would run as a formula gets a
// leading apostrophe, so it opens as the text it is (TabularText::defuse). The quoting, the BOM
// and the reading back are TabularText's, shared with the campaign table's export.
// The columns come from one list (name and value together), so the header and the fields cannot
// drift apart; a new column is one row there.
class JournalCsv
{
public:
    static QStringList header();
    static QByteArray toCsv(const QList<JournalEntry> &entries);
    static QByteArray toCsv(const QList<QStringList> &rows); // header included by the caller
    static QStringList fields(const JournalEntry &entry);
    // Reads RFC 4180 text back (a leading BOM is skipped); used to check round trips.
    static QList<QStringList> parse(const QByteArray &csv);
};
