#pragma once

#include "campaign.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QMap>

// The campaigns the user sees, one row each, in arrival order (the proxy sorts). Rows are
// looked up by ID in O(1); a campaign with a request in flight shows it in the Status column.
class CampaignTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, StatusColumn, UpdatedColumn, UpdatedByColumn, TagsColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole, // CampaignStatus as int
        BusyRole, // bool: a request for this campaign is in flight
        SortRole,
        AccessibleRole, // "Campaign 42, Seasonal sale, Active"
    };

    explicit CampaignTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void clear();
    // Adds new campaigns and updates known ones in place.
    void upsert(const QList<Campaign> &campaigns);
    void setStatus(qint64 id, CampaignStatus status);
    void setBusy(qint64 id, std::optional<CampaignAction> action);
    void remove(qint64 id);

    const Campaign &campaignAt(int row) const { return m_rows.at(row); }
    const Campaign *campaign(qint64 id) const;
    int rowOf(qint64 id) const { return m_rowById.value(id, -1); }
    bool isBusy(qint64 id) const { return m_busy.contains(id); }
    std::optional<CampaignAction> busyAction(qint64 id) const;
    // Lower-cased names, kept beside the rows so the filter never folds case per keystroke.
    const QString &foldedName(int row) const { return m_foldedNames.at(row); }
    QMap<CampaignStatus, int> statusCounts() const;
    QList<qint64> ids() const;

Q_SIGNALS:
    void countsChanged();

private:
    void emitRowChanged(int row);

    QList<Campaign> m_rows;
    QList<QString> m_foldedNames;
    QHash<qint64, int> m_rowById;
    QHash<qint64, CampaignAction> m_busy;
};
