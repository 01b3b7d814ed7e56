#pragma once

#include "bulkrunner.h"

#include <QAbstractTableModel>

class CampaignTableModel;

// The outcome of each campaign of one bulk action, for the "Show details" list.
class BulkResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, OutcomeColumn, StatusColumn, MessageColumn, ColumnCount };

    BulkResultsModel(const QList<BulkItemResult> &results, const CampaignTableModel *campaigns,
                     QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString outcomeText(const BulkItemResult &result);

private:
    QList<BulkItemResult> m_results;
    QStringList m_names;
};
