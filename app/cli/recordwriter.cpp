#include "recordwriter.h"

#include "terminaltext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

RecordWriter::RecordWriter(QTextStream *out, Format format, QList<Column> columns)
    : m_out(out), m_format(format), m_columns(std::move(columns))
{
    if (m_format == Format::Csv) {
        QStringList header;
        for (const Column &c : m_columns)
            header << csvField(c.key);
        *m_out << header.join(QLatin1Char(',')) << '\n';
        m_out->flush();
    }
}

RecordWriter::~RecordWriter()
{
    finish();
}

QString RecordWriter::csvField(const QString &value)
{
    // A leading = + - @ would make a spreadsheet run the cell as a formula: quote it as text.
    QString v = value;
    const bool formula = !v.isEmpty() && QStringLiteral("=+-@").contains(v.front()) && v.toLongLong() == 0;
    if (formula)
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))
        || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

void RecordWriter::add(const QStringList &values)
{
    ++m_count;
    QStringList plain;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        plain << TerminalText::plain(values.value(i));
    switch (m_format) {
    case Format::Table:
        m_rows << plain;
        return;
    case Format::Json: {
        QJsonObject object;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            // The same plain text as the table: JSON would escape C0 controls itself, but not C1
            // ones or bidirectional controls, and JSON Lines are read in terminals too.
            const QString &raw = plain.at(i);
            bool isInteger = false;
            const qint64 n = raw.toLongLong(&isInteger);
            if (m_columns.at(i).number && isInteger)
                object.insert(m_columns.at(i).key, n);
            else
                object.insert(m_columns.at(i).key, raw);
        }
        *m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
        m_out->flush();
        return;
    }
    case Format::Csv: {
        QStringList fields;
        for (const QString &v : plain)
            fields << csvField(v);
        *m_out << fields.join(QLatin1Char(',')) << '\n';
        m_out->flush();
        return;
    }
    }
}

void RecordWriter::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_format != Format::Table)
        return;
    QList<qsizetype> widths;
    for (const Column &c : m_columns)
        widths << c.header.size();
    for (const QStringList &row : std::as_const(m_rows)) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths.at(i), row.at(i).size());
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i == cells.size() - 1;
            const QString &cell = cells.at(i);
            if (m_columns.at(i).number)
                text += cell.rightJustified(widths.at(i));
            else
                text += last ? cell : cell.leftJustified(widths.at(i));
            if (!last)
                text += QLatin1String("  ");
        }
        *m_out << text << '\n';
    };
    QStringList headers;
    for (const Column &c : m_columns)
        headers << c.header;
    line(headers);
    for (const QStringList &row : std::as_const(m_rows))
        line(row);
    m_out->flush();
}
