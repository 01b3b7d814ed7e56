#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

// What the command line prints on stdout, one record per campaign (or journal row, or account):
// an aligned table for a person, JSON Lines or CSV for a program. Keys are stable English names
// (JSON keys and the CSV header); the table's headers are translated. Every value is passed
// through TerminalText::plain.
class RecordWriter
{
    Q_DECLARE_TR_FUNCTIONS(RecordWriter)
public:
    enum class Format { Table, Json, Csv };
    struct Column {
        QString key; // "id", "name", ...
        QString header; // translated, for the table
        bool number = false; // JSON: an integer; table: right-aligned
    };

    RecordWriter(QTextStream *out, Format format, QList<Column> columns);
    ~RecordWriter();
    RecordWriter(const RecordWriter &) = delete;
    RecordWriter &operator=(const RecordWriter &) = delete;

    // values in the order of the columns.
    void add(const QStringList &values);
    // The table is printed here (its widths need every row); JSON and CSV are already out.
    void finish();
    int count() const { return m_count; }

    static QString csvField(const QString &value);

private:
    QTextStream *m_out;
    Format m_format;
    QList<Column> m_columns;
    QList<QStringList> m_rows; // the table's, until finish()
    int m_count = 0;
    bool m_finished = false;
};
