#include "campaigntableexport.h"

#include "tabulartext.h"

#include <QAbstractItemModel>

#include <algorithm>

namespace {

QString headerText(const QAbstractItemModel *view, int column)
{
    const QVariant accessible = view->headerData(column, Qt::Horizontal, Qt::AccessibleTextRole);
    if (accessible.typeId() == QMetaType::QString && !accessible.toString().isEmpty())
        return accessible.toString();
    return view->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
}

} // namespace

QList<QStringList> CampaignTableExport::rows(const QAbstractItemModel *view, const QList<int> &columns,
                                             const QList<int> &viewRows, int role)
{
    QList<int> wanted = viewRows;
    if (wanted.isEmpty()) {
        const int count = view->rowCount();
        wanted.reserve(count);
        for (int row = 0; row < count; ++row)
            wanted << row;
    } else {
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    }

    QList<QStringList> result;
    result.reserve(wanted.size() + 1);
    QStringList header;
    header.reserve(columns.size());
    for (int column : columns)
        header << headerText(view, column);
    result << header;
    for (int row : wanted) {
        QStringList cells;
        cells.reserve(columns.size());
        for (int column : columns)
            cells << view->index(row, column).data(role).toString();
        result << cells;
    }
    return result;
}

QByteArray CampaignTableExport::csv(const QAbstractItemModel *view, const QList<int> &columns,
                                    const QList<int> &viewRows, int role)
{
    return TabularText::csv(rows(view, columns, viewRows, role));
}

QString CampaignTableExport::tsv(const QAbstractItemModel *view, const QList<int> &columns, const QList<int> &viewRows,
                                 int role)
{
    return TabularText::tsv(rows(view, columns, viewRows, role));
}
