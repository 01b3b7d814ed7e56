#pragma once

// Shared by the model tests: client campaigns (from the shared CampaignBuilder) with the fields
// a test cares about, and a reader for the IDs a model shows, in order.

#include "campaign.h"
#include "campaignbuilder.h"
#include "campaigntablemodel.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ModelTest {

inline Campaign campaign(qint64 id, const QString &name, CampaignStatus status,
                         const QDateTime &updated = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC),
                         const QString &updatedUser = QStringLiteral("api.user"), const QStringList &tags = {})
{
    return CampaignBuilder(id).name(name).updated(updated).updatedBy(updatedUser).tags(tags).client(status);
}

// The IDs in the order the model (a proxy, usually) shows them.
inline QList<qint64> idsInOrder(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, CampaignTableModel::IdColumn).data(CampaignTableModel::IdRole).toLongLong());
    return ids;
}

inline QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace ModelTest
