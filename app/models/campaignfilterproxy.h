#pragma once

#include "campaignstatus.h"
#include "casefoldedmatch.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

class CampaignTableModel;
struct CampaignGroup;

// Search (ID or name), status, watched, tag and group filters over a CampaignTableModel, with
// sorting that reads the campaigns directly instead of through QVariant: it must re-filter
// 100,000 rows per keystroke. Within the tags (or the groups) a campaign passes when it carries
// any of the chosen ones; every filter set must pass.
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
    QSet<QString> tagFilter() const { return m_tags; }
    void setTagFilter(const QSet<QString> &tags); // empty: no tag filter
    QSet<qint64> groupFilter() const { return m_groupIds; }
    void setGroupFilter(const QSet<qint64> &groupIds); // empty: no group filter

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    bool hasChosenTag(const QStringList &tags) const;
    bool hasChosenGroup(const QList<CampaignGroup> &groups) const;
    void applySort();

    CampaignTableModel *m_campaigns = nullptr;
    CaseFoldedMatch m_match;
    qint64 m_idPrefix = 0; // the search as a number when it is all digits (and not 0-led)
    QSet<CampaignStatus> m_statuses;
    bool m_watchedOnly = false;
    QSet<QString> m_tags;
    QStringList m_tagList; // m_tags, scanned in turn when there are few (see hasChosenTag)
    QSet<qint64> m_groupIds;
    int m_sortColumn = -1; // as asked; the base class may keep the source's order instead
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
