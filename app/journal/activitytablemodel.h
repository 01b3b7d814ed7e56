#pragma once

#include "accountref.h"
#include "watchevent.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

class Journal;

// The Activity log for the Activity pane: what the background watch noticed, newest first. Read
// from Journal::activity() on setJournal() and reload(); each batch the journal records arrives
// through Journal::activityAdded and goes on top as one insertion; Journal::activityCleared reloads.
class ActivityTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, AccountColumn, CampaignColumn, WhatColumn, OriginColumn, ColumnCount };
    enum Role {
        EventRole = Qt::UserRole, // QVariant::fromValue(WatchEvent)
        SortRole, // Time: UTC milliseconds; Campaign: its ID; the others: the text shown
        AccountIdRole, // the row's account id (for a filter by account)
    };
    static constexpr int kRowLimit = 5000; // rows kept in memory (the oldest go first)

    explicit ActivityTableModel(QObject *parent = nullptr);

    // Reads the journal's Activity log (when it is open) and follows what it records from now on.
    void setJournal(Journal *journal);
    Journal *journal() const { return m_journal; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const WatchEvent &eventAt(int row) const { return m_rows.at(row); }
    // Every account the rows name, each with its newest name, by name.
    QList<AccountRef> accounts() const;

public Q_SLOTS:
    void reload();

private:
    void append(const QList<WatchEvent> &events);

    QPointer<Journal> m_journal;
    QList<WatchEvent> m_rows; // newest first
};
