#include "selectiontally.h"

#include "campaigntablemodel.h"

#include <QItemSelectionModel>
#include <QSortFilterProxyModel>

SelectionTally::SelectionTally(QItemSelectionModel *selection, QSortFilterProxyModel *proxy,
                               const CampaignTableModel *model, QObject *parent)
    : QObject(parent), m_selection(selection), m_proxy(proxy), m_model(model)
{
    connect(selection, &QItemSelectionModel::selectionChanged, this, &SelectionTally::onSelectionChanged);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                onStatusesChanged(topLeft.row(), bottomRight.row());
            });
    // Rows leaving the table (a filter, a refresh, a removal) may leave the selection without a
    // selectionChanged; sorting keeps the set. Recounted after the change is complete.
    for (auto signal : {&QAbstractItemModel::rowsRemoved, &QAbstractItemModel::rowsInserted})
        connect(proxy, signal, this, &SelectionTally::recount);
    connect(proxy, &QAbstractItemModel::modelReset, this, &SelectionTally::recount);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &SelectionTally::recount);
}

QList<qint64> SelectionTally::ids() const
{
    QList<qint64> ids = m_status.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

int SelectionTally::countOf(const QList<CampaignStatus> &statuses) const
{
    int n = 0;
    for (CampaignStatus s : statuses)
        n += m_counts.value(s);
    return n;
}

void SelectionTally::forEachSourceRow(const QItemSelection &ranges, const std::function<void(int)> &fn) const
{
    for (const QItemSelectionRange &range : ranges) {
        // Rows are selected whole: one column stands for the row.
        for (int row = range.top(); row <= range.bottom(); ++row) {
            const int source = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
            if (source >= 0)
                fn(source);
        }
    }
}

void SelectionTally::add(const QItemSelection &ranges)
{
    forEachSourceRow(ranges, [this](int row) {
        const Campaign &c = m_model->campaignAt(row);
        if (!m_status.contains(c.id)) {
            m_status.insert(c.id, c.status);
            ++m_counts[c.status];
        }
    });
}

void SelectionTally::remove(const QItemSelection &ranges)
{
    forEachSourceRow(ranges, [this](int row) {
        const qint64 id = m_model->campaignAt(row).id;
        const auto it = m_status.constFind(id);
        if (it == m_status.cend())
            return;
        --m_counts[it.value()];
        m_status.erase(it);
    });
}

void SelectionTally::onSelectionChanged(const QItemSelection &selected, const QItemSelection &deselected)
{
    // A row that stays selected in some column is still selected: deltas name cells, not rows.
    // Whole-row selection (the table's behaviour) makes the two the same; a partial delta is
    // recounted.
    const int columns = m_proxy->columnCount();
    const auto wholeRows = [columns](const QItemSelection &s) {
        return std::all_of(s.cbegin(), s.cend(), [columns](const QItemSelectionRange &r) {
            return r.left() == 0 && r.right() == columns - 1;
        });
    };
    if (!wholeRows(selected) || !wholeRows(deselected)) {
        recount();
        return;
    }
    remove(deselected);
    add(selected);
    Q_EMIT changed();
}

void SelectionTally::onStatusesChanged(int firstRow, int lastRow)
{
    if (m_status.isEmpty())
        return;
    bool any = false;
    for (int row = std::max(firstRow, 0); row <= lastRow && row < m_model->rowCount(); ++row) {
        const Campaign &c = m_model->campaignAt(row);
        const auto it = m_status.find(c.id);
        if (it == m_status.end() || it.value() == c.status)
            continue;
        --m_counts[it.value()];
        ++m_counts[c.status];
        it.value() = c.status;
        any = true;
    }
    if (any)
        Q_EMIT changed();
}

void SelectionTally::recount()
{
    m_status.clear();
    m_counts.clear();
    add(m_selection->selection());
    Q_EMIT changed();
}
