#pragma once

#include "campaignstatus.h"
#include "casefoldedmatch.h"

#include <QSet>
#include <QSortFilterProxyModel>

class CampaignTableModel;

// Search (ID or name) and status filter over a CampaignTableModel, with sorting that reads the
// campaigns directly instead of through QVariant: it must re-filter 100,000 rows per keystroke.
class CampaignFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CampaignFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QString searchText() const { return m_match.folded(); }
    void setSearchText(const QString &text);
    QSet<CampaignStatus> statusFilter() const { return m_statuses; }
    void setStatusFilter(const QSet<CampaignStatus> &statuses); // empty: every status
    bool watchedOnly() const { return m_watchedOnly; }
    void setWatchedOnly(bool on); // only the campaigns on the watch list

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    void applySort();

    CampaignTableModel *m_campaigns = nullptr;
    CaseFoldedMatch m_match;
    qint64 m_idPrefix = 0; // the search as a number when it is all digits (and not 0-led)
    QSet<CampaignStatus> m_statuses;
    bool m_watchedOnly = false;
    int m_sortColumn = -1; // as asked; the base class may keep the source's order instead
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
