#include "campaigntablemodel.h"

#include "campaignactions.h"
#include "servertext.h"

#include "statuslabels.h"

CampaignTableModel::CampaignTableModel(QObject *parent) : QAbstractTableModel(parent)
{ }

int CampaignTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CampaignTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return c.id;
        case NameColumn:
            return ServerText::visible(c.name);
        case StatusColumn: {
            const auto busy = busyAction(c.id);
            return busy ? CampaignActions::inProgress(*busy) : StatusLabels::status(c.status, c.statusText);
        }
        case UpdatedColumn:
            return c.updated.isValid() ? c.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                       : QString();
        case UpdatedByColumn:
            return ServerText::visible(c.updatedUser);
        case TagsColumn:
            return ServerText::visible(c.tags.join(QStringLiteral(", ")));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && !c.description.isEmpty())
            return ServerText::toolTip(c.description);
        if (index.column() == UpdatedColumn && c.updated.isValid())
            return QLocale().toString(c.updated.toLocalTime(), QLocale::LongFormat);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return c.id;
    case StatusRole:
        return static_cast<int>(c.status);
    case BusyRole:
        return m_busy.contains(c.id);
    case SortRole:
        switch (index.column()) {
        case IdColumn:
            return c.id;
        case NameColumn:
            return m_foldedNames.at(index.row());
        case StatusColumn:
            return StatusLabels::sortRank(c.status);
        case UpdatedColumn:
            return c.updated;
        case UpdatedByColumn:
            return ServerText::visible(c.updatedUser);
        case TagsColumn:
            return ServerText::visible(c.tags.join(QStringLiteral(", ")));
        }
        break;
    case AccessibleRole:
        return tr("Campaign %1, %2, %3").arg(c.id).arg(c.name, StatusLabels::status(c.status, c.statusText));
    default:
        break;
    }
    return {};
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case UpdatedColumn:
        return tr("Updated");
    case UpdatedByColumn:
        return tr("Updated by");
    case TagsColumn:
        return tr("Tags");
    }
    return {};
}

void CampaignTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_foldedNames.clear();
    m_rowById.clear();
    m_busy.clear();
    endResetModel();
    Q_EMIT countsChanged();
}

void CampaignTableModel::upsert(const QList<Campaign> &campaigns)
{
    QList<const Campaign *> fresh;
    for (const Campaign &c : campaigns) {
        const int row = rowOf(c.id);
        if (row < 0) {
            fresh.append(&c);
            continue;
        }
        m_rows[row] = c;
        m_foldedNames[row] = c.name.toCaseFolded();
        emitRowChanged(row);
    }
    if (!fresh.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        // No reserve() here: Qt 6.4's QList::reserve allocates exactly and copies every row, so
        // reserving per page made a 100,000-row list quadratic. append() grows geometrically.
        for (const Campaign *c : fresh) {
            m_rowById.insert(c->id, static_cast<int>(m_rows.size()));
            m_rows.append(*c);
            m_foldedNames.append(c->name.toCaseFolded());
        }
        endInsertRows();
    }
    Q_EMIT countsChanged();
}

void CampaignTableModel::setStatus(qint64 id, CampaignStatus status)
{
    const int row = rowOf(id);
    if (row < 0 || status == CampaignStatus::Unknown || m_rows.at(row).status == status)
        return;
    m_rows[row].setStatus(status);
    emitRowChanged(row);
    Q_EMIT countsChanged();
}

void CampaignTableModel::setBusy(qint64 id, std::optional<CampaignAction> action)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    if (action)
        m_busy.insert(id, *action);
    else if (!m_busy.remove(id))
        return;
    emitRowChanged(row);
}

void CampaignTableModel::remove(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_foldedNames.removeAt(row);
    m_busy.remove(id);
    m_rowById.remove(id);
    for (int r = row; r < m_rows.size(); ++r)
        m_rowById[m_rows.at(r).id] = r;
    endRemoveRows();
    Q_EMIT countsChanged();
}

const Campaign *CampaignTableModel::campaign(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

std::optional<CampaignAction> CampaignTableModel::busyAction(qint64 id) const
{
    const auto it = m_busy.constFind(id);
    return it == m_busy.cend() ? std::nullopt : std::optional<CampaignAction>(*it);
}

QMap<CampaignStatus, int> CampaignTableModel::statusCounts() const
{
    QMap<CampaignStatus, int> counts;
    for (const Campaign &c : m_rows)
        ++counts[c.status];
    return counts;
}

QList<qint64> CampaignTableModel::ids() const
{
    QList<qint64> result;
    result.reserve(m_rows.size());
    for (const Campaign &c : m_rows)
        result.append(c.id);
    return result;
}

void CampaignTableModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}
