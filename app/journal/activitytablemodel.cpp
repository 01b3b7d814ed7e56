#include "activitytablemodel.h"

#include "activitymessage.h"
#include "journal.h"
#include "servertext.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

ActivityTableModel::ActivityTableModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void ActivityTableModel::setJournal(Journal *journal)
{
    if (m_journal == journal) {
        reload();
        return;
    }
    if (m_journal)
        disconnect(m_journal, nullptr, this, nullptr);
    m_journal = journal;
    if (m_journal) {
        connect(m_journal, &Journal::activityAdded, this, &ActivityTableModel::append);
        connect(m_journal, &Journal::activityCleared, this, &ActivityTableModel::reload);
    }
    reload();
}

void ActivityTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_journal && m_journal->isOpen()) {
        ActivityFilter f;
        f.limit = kRowLimit;
        m_rows = m_journal->activity(f);
    }
    endResetModel();
}

void ActivityTableModel::append(const QList<WatchEvent> &events)
{
    if (events.isEmpty())
        return;
    // Newest first within the batch too, as the journal reads them back.
    QList<WatchEvent> batch = events;
    std::stable_sort(batch.begin(), batch.end(), [](const WatchEvent &a, const WatchEvent &b) {
        return a.noticedAt != b.noticedAt ? a.noticedAt > b.noticedAt : a.id > b.id;
    });
    if (batch.size() > kRowLimit)
        batch.resize(kRowLimit);
    beginInsertRows({}, 0, static_cast<int>(batch.size()) - 1);
    m_rows = batch + m_rows;
    endInsertRows();
    if (m_rows.size() > kRowLimit) {
        beginRemoveRows({}, kRowLimit, static_cast<int>(m_rows.size()) - 1);
        m_rows.resize(kRowLimit);
        endRemoveRows();
    }
}

int ActivityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ActivityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WatchEvent &e = m_rows.at(index.row());
    if (role == EventRole)
        return QVariant::fromValue(e);
    if (role == AccountIdRole)
        return e.account.id;
    if (role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.noticedAt.toMSecsSinceEpoch();
        case CampaignColumn:
            return e.campaignId;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.noticedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case AccountColumn:
            return ServerText::visible(e.account.name.isEmpty() ? e.account.id : e.account.name);
        case CampaignColumn:
            if (e.campaignId == 0)
                return QString();
            if (e.campaignName.isEmpty())
                return QString::number(e.campaignId);
            return tr("%1 · %2").arg(QString::number(e.campaignId), ServerText::visible(e.campaignName));
        case WhatColumn:
            return ActivityMessage::sentence(e);
        case OriginColumn:
            return ActivityMessage::origin(e);
        }
    } else if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.noticedAt.toLocalTime(), QLocale::LongFormat);
        case AccountColumn:
            return e.account.id.isEmpty() ? QVariant() : ServerText::toolTip(e.account.id);
        case WhatColumn:
            return ServerText::toolTip(ActivityMessage::sentence(e)); // long sentences are cut in the cell
        default:
            break;
        }
    }
    return {};
}

QVariant ActivityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AccountColumn:
        return tr("Account");
    case CampaignColumn:
        return tr("Campaign");
    case WhatColumn:
        return tr("What happened");
    case OriginColumn:
        return tr("Origin");
    }
    return {};
}

QList<AccountRef> ActivityTableModel::accounts() const
{
    QHash<QString, QString> names; // rows are newest first: the first name seen is the newest
    for (const WatchEvent &e : m_rows) {
        if (!e.account.id.isEmpty() && !names.contains(e.account.id))
            names.insert(e.account.id, e.account.name);
    }
    QList<AccountRef> result;
    result.reserve(names.size());
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        result.append({it.key(), it.value()});
    std::sort(result.begin(), result.end(), [](const AccountRef &a, const AccountRef &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}
