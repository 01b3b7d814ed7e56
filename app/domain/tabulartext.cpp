#include "tabulartext.h"

#include <algorithm>

namespace {

constexpr char16_t kBom = 0xFEFF;

bool isTrigger(QChar c)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    return triggers.contains(c);
}

QString quotedIfAny(const QString &field, QStringView special)
{
    if (std::none_of(field.cbegin(), field.cend(), [special](QChar c) { return special.contains(c); }))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString joined(const QList<QStringList> &rows, TabularText::Cells cells, QChar separator, QStringView lineEnd,
               QString (*escape)(const QString &))
{
    QString text;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                text += separator;
            text += escape(cells == TabularText::Cells::Defused ? TabularText::defuse(row.at(i)) : row.at(i));
        }
        text += lineEnd;
    }
    return text;
}

// RFC 4180 read back, with the separator given: quoted fields may hold anything, "" is a quote;
// CRLF, LF or CR ends a record outside quotes.
QList<QStringList> parse(QStringView text, QChar separator)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool any = false; // something read since the last record ended
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        any = true;
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == separator) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row << field;
            rows << row;
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any) {
        row << field;
        rows << row;
    }
    return rows;
}

} // namespace

bool TabularText::needsDefusing(QStringView field)
{
    qsizetype i = 0;
    while (i < field.size() && field.at(i) == QLatin1Char('\''))
        ++i;
    // A trigger first; or apostrophes before one, which undefuse() would otherwise take for ours.
    return i < field.size() && isTrigger(field.at(i));
}

QString TabularText::defuse(const QString &field)
{
    return needsDefusing(field) ? QLatin1Char('\'') + field : field;
}

QString TabularText::undefuse(const QString &field)
{
    if (field.startsWith(QLatin1Char('\'')) && needsDefusing(QStringView(field).mid(1)))
        return field.mid(1);
    return field;
}

QString TabularText::csvField(const QString &field)
{
    return quotedIfAny(field, u",\"\r\n");
}

QString TabularText::tsvField(const QString &field)
{
    return quotedIfAny(field, u"\t\"\r\n");
}

QByteArray TabularText::csv(const QList<QStringList> &rows, Cells cells)
{
    return QByteArray("\xEF\xBB\xBF") + joined(rows, cells, QLatin1Char(','), u"\r\n", &csvField).toUtf8();
}

QString TabularText::tsv(const QList<QStringList> &rows, Cells cells)
{
    return joined(rows, cells, QLatin1Char('\t'), u"\n", &tsvField);
}

QList<QStringList> TabularText::parseCsv(const QByteArray &csv)
{
    const QString text = QString::fromUtf8(csv);
    QStringView view(text);
    if (view.startsWith(QChar(kBom)))
        view = view.mid(1);
    return parse(view, QLatin1Char(','));
}

QList<QStringList> TabularText::parseTsv(const QString &tsv)
{
    return parse(tsv, QLatin1Char('\t'));
}
