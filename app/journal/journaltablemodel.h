#pragma once

#include "journal.h"

#include <QAbstractTableModel>

// Journal rows for the History window, newest first, as the current filter selects them.
class JournalTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        CampaignIdColumn,
        CampaignNameColumn,
        ActionColumn,
        OutcomeColumn,
        BeforeColumn,
        AfterColumn,
        MessageColumn,
        UserColumn,
        AccountColumn,
        HostColumn,
        DurationColumn,
        ReasonColumn,
        OperationColumn,
        ColumnCount
    };

    explicit JournalTableModel(Journal *journal, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const Journal::Filter &filter);
    Journal::Filter filter() const { return m_filter; }
    const JournalEntry &entryAt(int row) const { return m_rows.at(row); }
    QList<JournalEntry> entries() const { return m_rows; }

public Q_SLOTS:
    void refresh();

private:
    Journal *m_journal;
    Journal::Filter m_filter;
    QList<JournalEntry> m_rows;
};
