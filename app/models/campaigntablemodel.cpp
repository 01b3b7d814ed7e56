#include "campaigntablemodel.h"

#include "campaignactions.h"
#include "servertext.h"

#include "statuslabels.h"

#include <algorithm>

namespace {
constexpr int kFrameMs = 16;

// In column order: what saved layouts and views call each column.
const char *const kColumnKeys[CampaignTableModel::ColumnCount] = {
    "id",
    "name",
    "status",
    "updated",
    "updated_by",
    "tags",
    "watched",
    "created",
    "description",
    "groups",
    "one_off_mailings",
    "regular_mailings",
    "trigger_mailings",
    "scenarios",
};

QString groupNames(const Campaign &c)
{
    QStringList names;
    names.reserve(c.groups.size());
    for (const CampaignGroup &g : c.groups)
        names << (g.name.isEmpty() ? QString::number(g.id) : g.name);
    return names.join(QStringLiteral(", "));
}

} // namespace

std::optional<NestedObjects::Kind> CampaignTableModel::nestedKind(int column)
{
    switch (column) {
    case CampaignTableModel::BroadcastsColumn:
        return NestedObjects::Broadcasts;
    case CampaignTableModel::RegularsColumn:
        return NestedObjects::Regulars;
    case CampaignTableModel::TriggersColumn:
        return NestedObjects::Triggers;
    case CampaignTableModel::ScenariosColumn:
        return NestedObjects::Workflows;
    default:
        return std::nullopt;
    }
}

namespace {
QString dateTimeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}
} // namespace

QString CampaignTableModel::columnKey(int column)
{
    return column >= 0 && column < ColumnCount ? QString::fromLatin1(kColumnKeys[column]) : QString();
}

int CampaignTableModel::columnForKey(QStringView key)
{
    for (int column = 0; column < ColumnCount; ++column) {
        if (key == QLatin1String(kColumnKeys[column]))
            return column;
    }
    return -1;
}

CampaignTableModel::CampaignTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(kFrameMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &CampaignTableModel::flushChanges);
}

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
    const Campaign &c = campaignAt(index.row());
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
            return dateTimeText(c.updated);
        case CreatedColumn:
            return dateTimeText(c.created);
        case UpdatedByColumn:
            return ServerText::visible(c.updatedUser);
        case TagsColumn:
            return ServerText::visible(c.tags.join(QStringLiteral(", ")));
        case DescriptionColumn:
            return ServerText::visible(c.description);
        case GroupsColumn:
            return ServerText::visible(groupNames(c));
        case WatchedColumn:
            return QString();
        default:
            if (const auto kind = nestedKind(index.column()))
                return c.nested.count(*kind);
        }
        break;
    case ExportRole:
        switch (index.column()) {
        case IdColumn:
            return QString::number(c.id);
        case NameColumn:
            return c.name;
        case StatusColumn:
            return StatusLabels::status(c.status, c.statusText);
        case UpdatedColumn:
            return dateTimeText(c.updated);
        case CreatedColumn:
            return dateTimeText(c.created);
        case UpdatedByColumn:
            return c.updatedUser;
        case TagsColumn:
            return c.tags.join(QStringLiteral(", "));
        case DescriptionColumn:
            return c.description;
        case GroupsColumn:
            return groupNames(c);
        case WatchedColumn:
            return m_watched.contains(c.id) ? tr("Watched") : QString();
        default:
            if (const auto kind = nestedKind(index.column()))
                return QString::number(c.nested.count(*kind));
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == WatchedColumn)
            return m_watched.contains(c.id) ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == WatchedColumn)
            return m_watched.contains(c.id) ? tr("Watched") : tr("Not watched");
        break;
    case Qt::ToolTipRole:
        if (index.column() == WatchedColumn)
            return m_watched.contains(c.id) ? tr("Watched: you are told when this campaign changes. Click to stop.")
                                            : tr("Click to watch this campaign and be told when it changes.");
        if (index.column() == NameColumn && !c.description.isEmpty())
            return ServerText::toolTip(c.description);
        if (index.column() == UpdatedColumn && c.updated.isValid())
            return QLocale().toString(c.updated.toLocalTime(), QLocale::LongFormat);
        if (index.column() == CreatedColumn && c.created.isValid())
            return QLocale().toString(c.created.toLocalTime(), QLocale::LongFormat);
        if (index.column() == DescriptionColumn && !c.description.isEmpty())
            return ServerText::toolTip(c.description);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || nestedKind(index.column()))
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
            return c.name.toCaseFolded();
        case StatusColumn:
            return StatusLabels::sortRank(c.status);
        case UpdatedColumn:
            return c.updated;
        case CreatedColumn:
            return c.created;
        case UpdatedByColumn:
            return ServerText::visible(c.updatedUser);
        case TagsColumn:
            return ServerText::visible(c.tags.join(QStringLiteral(", ")));
        case DescriptionColumn:
            return c.description.toCaseFolded();
        case GroupsColumn:
            return groupNames(c).toCaseFolded();
        case WatchedColumn:
            return m_watched.contains(c.id) ? 0 : 1;
        default:
            if (const auto kind = nestedKind(index.column()))
                return c.nested.count(*kind);
        }
        break;
    case WatchedRole:
        return m_watched.contains(c.id);
    case AccessibleRole:
        return m_watched.contains(c.id)
            ? tr("Campaign %1, %2, %3, watched").arg(c.id).arg(c.name, StatusLabels::status(c.status, c.statusText))
            : tr("Campaign %1, %2, %3").arg(c.id).arg(c.name, StatusLabels::status(c.status, c.statusText));
    default:
        break;
    }
    return {};
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == WatchedColumn && role == Qt::ToolTipRole)
        return tr("Watched campaigns are checked in the background; you are told when they change.");
    if (orientation == Qt::Horizontal && section == WatchedColumn && role == Qt::AccessibleTextRole)
        return tr("Watched");
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
    case CreatedColumn:
        return tr("Created");
    case DescriptionColumn:
        return tr("Description");
    case GroupsColumn:
        return tr("Groups");
    case BroadcastsColumn:
        return tr("One-off mailings");
    case RegularsColumn:
        return tr("Regular mailings");
    case TriggersColumn:
        return tr("Trigger mailings");
    case ScenariosColumn:
        return tr("Scenarios");
    case WatchedColumn:
        // A star says it in the narrow column; the tooltip and the accessible name say "Watched".
        return QStringLiteral("\u2605");
    }
    return {};
}

Qt::ItemFlags CampaignTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == WatchedColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool CampaignTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != WatchedColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Q_EMIT watchToggleRequested(campaignAt(index.row()).id,
                                value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked);
    return true;
}

void CampaignTableModel::setWatchedIds(const QSet<qint64> &ids)
{
    if (ids == m_watched)
        return;
    // Only rows whose star changes are repainted: at most the two sets' difference.
    for (qint64 id : std::as_const(m_watched)) {
        if (!ids.contains(id))
            if (const int row = rowOf(id); row >= 0)
                markChanged(row);
    }
    for (qint64 id : ids) {
        if (!m_watched.contains(id))
            if (const int row = rowOf(id); row >= 0)
                markChanged(row);
    }
    m_watched = ids;
    Q_EMIT watchedIdsChanged();
}

void CampaignTableModel::clear()
{
    // The reset says every row changed.
    m_changedRows.clear();
    m_countsChanged = false;
    m_frameTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_blocks.clear();
    m_removed = 0;
    m_inIdOrder = true;
    m_rowById.clear();
    m_busy.clear();
    m_statusCounts.fill(0);
    endResetModel();
    Q_EMIT countsChanged();
}

void CampaignTableModel::upsert(QList<Campaign> campaigns)
{
    // Known campaigns are updated in place; the new ones close up at the front of the list,
    // which then becomes their block as it is: no campaign is moved again.
    qsizetype fresh = 0;
    for (qsizetype i = 0; i < campaigns.size(); ++i) {
        Campaign &c = campaigns[i];
        const int row = rowOf(c.id);
        if (row < 0) {
            if (fresh != i)
                campaigns[fresh] = std::move(c);
            ++fresh;
            continue;
        }
        Campaign &known = *m_rows[static_cast<size_t>(row)];
        count(known.status, -1);
        count(c.status, +1);
        known = std::move(c);
        markChanged(row);
        m_countsChanged = true;
    }
    if (fresh == 0)
        return;
    campaigns.resize(fresh);
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh) - 1);
    Campaign *block = campaigns.data(); // not shared (written above): the pointers stay valid
    // No reserve() on the index: an exact reservation per page would copy it every page.
    for (qsizetype i = 0; i < fresh; ++i) {
        Campaign &c = block[i];
        if (m_inIdOrder && !m_rows.empty() && c.id <= m_rows.back()->id) {
            m_inIdOrder = false;
            indexRows();
        }
        if (!m_inIdOrder)
            m_rowById.insert(c.id, static_cast<int>(m_rows.size()));
        count(c.status, +1);
        m_rows.push_back(&c);
    }
    m_blocks.push_back(std::move(campaigns)); // moves the list's buffer, not the campaigns
    endInsertRows();
    Q_EMIT countsChanged();
}

void CampaignTableModel::setStatus(qint64 id, CampaignStatus status)
{
    const int row = rowOf(id);
    if (row < 0 || status == CampaignStatus::Unknown || campaignAt(row).status == status)
        return;
    Campaign &c = *m_rows[static_cast<size_t>(row)];
    count(c.status, -1);
    count(status, +1);
    c.setStatus(status);
    markChanged(row);
    m_countsChanged = true;
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
    markChanged(row);
}

void CampaignTableModel::remove(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    flushChanges(); // the rows waiting are numbered as they are before this one goes
    beginRemoveRows({}, row, row);
    count(campaignAt(row).status, -1);
    *m_rows[static_cast<size_t>(row)] = Campaign(); // frees what it held; the slot stays
    ++m_removed;
    m_rows.erase(m_rows.begin() + row);
    m_busy.remove(id);
    if (!m_inIdOrder) {
        m_rowById.remove(id);
        for (int r = row; r < static_cast<int>(m_rows.size()); ++r)
            m_rowById[campaignAt(r).id] = r;
    }
    endRemoveRows();
    // Emptied slots cost about 300 bytes each: once they outnumber the rows, repack.
    if (m_removed > static_cast<qsizetype>(m_rows.size()) && m_removed >= 1000)
        compact();
    Q_EMIT countsChanged();
}

void CampaignTableModel::compact()
{
    QList<Campaign> block;
    block.reserve(static_cast<qsizetype>(m_rows.size()));
    for (Campaign *c : m_rows)
        block.push_back(std::move(*c));
    for (size_t row = 0; row < m_rows.size(); ++row)
        m_rows[row] = &block[static_cast<qsizetype>(row)];
    m_blocks.clear();
    m_blocks.push_back(std::move(block));
    m_removed = 0;
}

int CampaignTableModel::rowOf(qint64 id) const
{
    if (!m_inIdOrder)
        return m_rowById.value(id, -1);
    if (m_rows.empty() || id > m_rows.back()->id) // the usual case while a list comes in
        return -1;
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const Campaign *c, qint64 wanted) { return c->id < wanted; });
    return it != m_rows.cend() && (*it)->id == id ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

void CampaignTableModel::indexRows()
{
    m_rowById.clear();
    m_rowById.reserve(static_cast<qsizetype>(m_rows.size()));
    for (size_t row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows[row]->id, static_cast<int>(row));
}

const Campaign *CampaignTableModel::campaign(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &campaignAt(row);
}

std::optional<CampaignAction> CampaignTableModel::busyAction(qint64 id) const
{
    const auto it = m_busy.constFind(id);
    return it == m_busy.cend() ? std::nullopt : std::optional<CampaignAction>(*it);
}

QMap<CampaignStatus, int> CampaignTableModel::statusCounts() const
{
    QMap<CampaignStatus, int> counts;
    for (size_t s = 0; s < m_statusCounts.size(); ++s) {
        if (m_statusCounts[s] > 0)
            counts.insert(static_cast<CampaignStatus>(s), m_statusCounts[s]);
    }
    return counts;
}

void CampaignTableModel::prefetchName(int row) const
{
#if defined(__GNUC__) || defined(__clang__)
    if (row >= 0 && static_cast<size_t>(row) < m_rows.size())
        __builtin_prefetch(m_rows[static_cast<size_t>(row)]->name.constData());
#else
    Q_UNUSED(row);
#endif
}

QList<qint64> CampaignTableModel::ids() const
{
    QList<qint64> result;
    result.reserve(static_cast<qsizetype>(m_rows.size()));
    for (const auto &row : m_rows)
        result.append(row->id);
    return result;
}

void CampaignTableModel::markChanged(int row)
{
    m_changedRows.push_back(row);
    if (!m_frameTimer.isActive())
        m_frameTimer.start();
}

void CampaignTableModel::flushChanges()
{
    m_frameTimer.stop();
    std::vector<int> rows = std::exchange(m_changedRows, {});
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // One dataChanged per run of neighbouring rows: a reload's page updates a run of 1,000.
    for (size_t first = 0; first < rows.size();) {
        size_t last = first;
        while (last + 1 < rows.size() && rows[last + 1] == rows[last] + 1)
            ++last;
        Q_EMIT dataChanged(index(rows[first], 0), index(rows[last], ColumnCount - 1));
        first = last + 1;
    }
    if (std::exchange(m_countsChanged, false))
        Q_EMIT countsChanged();
}
