#pragma once

#include "campaign.h"

#include <QHash>
#include <QList>
#include <QObject>

class CampaignTableModel;
class QItemSelection;
class QItemSelectionModel;
class QSortFilterProxyModel;

// The selected campaigns and how many of each status there are, kept as the selection and the
// rows change, so the window's actions can be enabled from counts: pressing Ctrl+A on 100,000
// rows, or a bulk action repainting 1,000 of them, never makes the window walk the selection.
// Selection changes arrive as deltas; status changes only touch the rows they name; what
// QItemSelectionModel may change without a delta (rows filtered out or removed, a reset) is
// recounted once, from the selection's ranges.
class SelectionTally : public QObject
{
    Q_OBJECT
public:
    SelectionTally(QItemSelectionModel *selection, QSortFilterProxyModel *proxy, const CampaignTableModel *model,
                   QObject *parent = nullptr);

    // Sorted by ID.
    QList<qint64> ids() const;
    int count() const { return static_cast<int>(m_status.size()); }
    bool contains(qint64 id) const { return m_status.contains(id); }
    // How many selected campaigns have any of these statuses.
    int countOf(const QList<CampaignStatus> &statuses) const;

Q_SIGNALS:
    // The set or the counts changed.
    void changed();

private:
    void onSelectionChanged(const QItemSelection &selected, const QItemSelection &deselected);
    void onStatusesChanged(int firstRow, int lastRow);
    void recount();
    void add(const QItemSelection &ranges);
    void remove(const QItemSelection &ranges);
    void forEachSourceRow(const QItemSelection &ranges, const std::function<void(int)> &fn) const;

    QItemSelectionModel *m_selection;
    QSortFilterProxyModel *m_proxy;
    const CampaignTableModel *m_model;
    QHash<qint64, CampaignStatus> m_status; // every selected campaign, with the status counted
    QHash<CampaignStatus, int> m_counts;
};
