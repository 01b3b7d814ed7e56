#pragma once

#include "campaigntablemodel.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;

// The campaign table as rows of text for Export and Copy: the columns the window shows, in its
// order, and the rows of the view (the proxy: filtered and sorted), a header row first.
class CampaignTableExport
{
public:
    // A header row (each column's AccessibleTextRole header when it is a non-empty string, since
    // the watched column shows only a star; else its DisplayRole header), then one row per view
    // row: every row of view, in its order, when viewRows is empty; else those rows, ascending.
    // Cells are the view's data for role.
    static QList<QStringList> rows(const QAbstractItemModel *view, const QList<int> &columns,
                                   const QList<int> &viewRows = {}, int role = CampaignTableModel::ExportRole);
    // The same rows through TabularText (every field defused): a file, the clipboard.
    static QByteArray csv(const QAbstractItemModel *view, const QList<int> &columns, const QList<int> &viewRows = {},
                          int role = CampaignTableModel::ExportRole);
    static QString tsv(const QAbstractItemModel *view, const QList<int> &columns, const QList<int> &viewRows = {},
                       int role = CampaignTableModel::ExportRole);
};
