#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Rows of text as a file (CSV) and as the clipboard (tab-separated): the one place that quotes,
// escapes and defuses them, for History's export and the campaign table's alike.
class TabularText
{
public:
    enum class Cells {
        Defused, // every field through defuse(), the header row too (plain headers are unchanged)
        AsIs, // the caller has defused what needs it (History defuses only free text)
    };

    // RFC 4180: a CRLF after every record (the last too), a field quoted when it holds a comma, a
    // quote, CR or LF, quotes doubled; UTF-8 with a BOM, so spreadsheet apps read Cyrillic right.
    static QByteArray csv(const QList<QStringList> &rows, Cells cells = Cells::Defused);
    // What LibreOffice Calc, Excel and Google Sheets read when it is pasted (and what Excel puts on
    // the clipboard itself): fields separated by tabs, a "\n" after every row (the last too); a
    // field holding a tab, a quote, CR or LF is quoted with its quotes doubled, so line breaks and
    // tabs inside a name stay inside its cell.
    static QString tsv(const QList<QStringList> &rows, Cells cells = Cells::Defused);

    // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a
    // formula: a campaign named "=HYPERLINK(...)" must open as text. The apostrophe is what
    // spreadsheets themselves use to mark text (OWASP, "CSV injection"). A field that already
    // starts with apostrophes before one of those characters gets one more, so that
    // undefuse(defuse(x)) == x for every x.
    static QString defuse(const QString &field);
    static QString undefuse(const QString &field);
    static bool needsDefusing(QStringView field);

    static QString csvField(const QString &field); // quoted if need be, not defused
    static QString tsvField(const QString &field); // quoted if need be, not defused

    // Read the formats back (for round trips; neither undefuses). parseCsv skips a leading BOM;
    // both take CRLF, LF or CR as a record's end. A final line break ends the last record; it
    // does not start an empty one.
    static QList<QStringList> parseCsv(const QByteArray &csv);
    static QList<QStringList> parseTsv(const QString &tsv);
};
