#pragma once

#include "campaign.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QTimer>

#include <array>
#include <vector>

// The campaigns the user sees, one row each, in arrival order (the proxy sorts). Rows are
// looked up by ID (see m_inIdOrder); a campaign with a request in flight shows it in the Status
// column.
class CampaignTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // New columns go at the end, so that saved layouts of the others keep their meaning (the
    // window shows WatchedColumn first). Those after WatchedColumn are hidden until chosen.
    enum Column {
        IdColumn,
        NameColumn,
        StatusColumn,
        UpdatedColumn,
        UpdatedByColumn,
        TagsColumn,
        WatchedColumn,
        CreatedColumn,
        DescriptionColumn,
        GroupsColumn,
        BroadcastsColumn, // one-off mailings
        RegularsColumn, // regular mailings
        TriggersColumn, // trigger mailings
        ScenariosColumn, // workflows
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole, // CampaignStatus as int
        BusyRole, // bool: a request for this campaign is in flight
        SortRole,
        AccessibleRole, // "Campaign 42, Seasonal sale, Active"
        WatchedRole, // bool: on the account's watch list
        ExportRole, // the cell as text for a file or the clipboard: whole, line breaks kept
    };

    explicit CampaignTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Checking the Watched cell asks for the campaign to be watched (watchToggleRequested); the
    // star changes only when the watch list says so (setWatchedIds).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The campaigns on the account's watch list (they need not have rows). Rows whose star
    // changes are sent with the frame's other changes.
    void setWatchedIds(const QSet<qint64> &ids);
    bool isWatched(qint64 id) const { return m_watched.contains(id); }
    const QSet<qint64> &watchedIds() const { return m_watched; }

    // A stable name for each column ("created", "groups", ...): saved layouts and views use it,
    // so they survive columns added later. -1 for a name this version does not know.
    static QString columnKey(int column);
    static int columnForKey(QStringView key);
    static bool isShownByDefault(int column) { return column <= WatchedColumn; }
    // The kind of nested object a count column counts; nullopt for the other columns.
    static std::optional<NestedObjects::Kind> nestedKind(int column);

    void clear();
    // Adds new campaigns and updates known ones in place, as one insertion. Pass a list the
    // caller no longer needs (std::move) and the campaigns are moved in, not copied.
    void upsert(QList<Campaign> campaigns);
    void setStatus(qint64 id, CampaignStatus status);
    void setBusy(qint64 id, std::optional<CampaignAction> action);
    void remove(qint64 id);

    const Campaign &campaignAt(int row) const { return *m_rows[static_cast<size_t>(row)]; }
    const Campaign *campaign(qint64 id) const;
    int rowOf(qint64 id) const;
    bool isBusy(qint64 id) const { return m_busy.contains(id); }
    std::optional<CampaignAction> busyAction(qint64 id) const;
    QMap<CampaignStatus, int> statusCounts() const;
    QList<qint64> ids() const;
    // True while the rows are in ascending ID order, as a list delivers them; a row added out of
    // order ends it until clear().
    bool isInIdOrder() const { return m_inIdOrder; }
    // Has the CPU fetch row's name ahead of a pass over every row (a search): the names lie apart
    // in memory, and waiting for each in turn doubled a search through 100,000.
    void prefetchName(int row) const;

    // Row changes (dataChanged, and countsChanged after status changes) go out together at most
    // once a frame: a bulk run changes each of a thousand rows three times, and every change
    // costs the proxy and the window a pass. Rows added or removed go out at once. This sends
    // the waiting changes now.
    void flushChanges();

Q_SIGNALS:
    void countsChanged();
    void watchToggleRequested(qint64 id, bool watch);
    void watchedIdsChanged();

private:
    void markChanged(int row);
    void count(CampaignStatus status, int delta) { m_statusCounts[static_cast<size_t>(status)] += delta; }

    void compact();
    void indexRows();

    // The campaigns live in blocks, one per insertion (a page), never resized; a row points into
    // them. Appending moves no campaign (one array of 100,000, when it grew, held the old and the
    // new copy: 100 MB at the peak), and a page's campaigns stay side by side in memory, which
    // keeps a search through every name per keystroke fast.
    std::vector<QList<Campaign>> m_blocks;
    std::vector<Campaign *> m_rows;
    qsizetype m_removed = 0; // emptied campaigns left in the blocks by remove()
    // Rows in ascending ID order (as a list comes) are found by a binary search; only once a row
    // comes out of order are they indexed by ID (100,000 entries hold 2 MB).
    bool m_inIdOrder = true;
    QHash<qint64, int> m_rowById;
    QHash<qint64, CampaignAction> m_busy;
    QSet<qint64> m_watched;
    // Rows per CampaignStatus, kept as rows change: the status bar asks after every page.
    std::array<int, static_cast<size_t>(CampaignStatus::Deleted) + 1> m_statusCounts{};
    // Changes waiting for the next frame.
    std::vector<int> m_changedRows;
    bool m_countsChanged = false;
    QTimer m_frameTimer;
};
