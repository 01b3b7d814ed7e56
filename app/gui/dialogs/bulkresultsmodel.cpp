#include "bulkresultsmodel.h"

#include "campaigntablemodel.h"
#include "statuslabels.h"

BulkResultsModel::BulkResultsModel(const QList<BulkItemResult> &results, const CampaignTableModel *campaigns,
                                   QObject *parent)
    : QAbstractTableModel(parent), m_results(results)
{
    // Names are copied now: the campaign table may change while this list is open.
    for (const BulkItemResult &r : results) {
        const Campaign *c = campaigns ? campaigns->campaign(r.id) : nullptr;
        m_names << (c ? c->name : QString());
    }
}

int BulkResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_results.size());
}

int BulkResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BulkResultsModel::outcomeText(const BulkItemResult &r)
{
    switch (r.outcome) {
    case BulkOutcome::Succeeded:
        return r.settledByReread ? tr("Done (confirmed by re-reading the status)") : tr("Done");
    case BulkOutcome::Failed:
        return tr("Failed");
    case BulkOutcome::NotInEffect:
        return tr("Not in effect");
    case BulkOutcome::Unknown:
        return tr("Outcome unknown");
    case BulkOutcome::Cancelled:
        return tr("Not sent (cancelled)");
    }
    return QString();
}

QVariant BulkResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BulkItemResult &r = m_results.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return r.id;
        case NameColumn:
            return m_names.at(index.row());
        case OutcomeColumn:
            return outcomeText(r);
        case StatusColumn:
            return r.statusAfter == CampaignStatus::Unknown ? QString() : StatusLabels::status(r.statusAfter);
        case MessageColumn:
            return r.message();
        }
    } else if (role == Qt::ToolTipRole && index.column() == MessageColumn && r.outcome != BulkOutcome::Succeeded) {
        return r.details();
    } else if (role == Qt::UserRole) {
        // Sort key: outcomes by severity, everything else as displayed.
        return index.column() == OutcomeColumn ? QVariant(static_cast<int>(r.outcome)) : data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant BulkResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case OutcomeColumn:
        return tr("Outcome");
    case StatusColumn:
        return tr("Status now");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}
