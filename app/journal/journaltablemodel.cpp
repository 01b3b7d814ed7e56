#include "journaltablemodel.h"

#include "campaignactions.h"
#include "journalmessage.h"
#include "servertext.h"

#include "statuslabels.h"

#include <QLocale>

JournalTableModel::JournalTableModel(Journal *journal, QObject *parent)
    : QAbstractTableModel(parent), m_journal(journal)
{
    connect(journal, &Journal::changed, this, &JournalTableModel::refresh);
    refresh();
}

int JournalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JournalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void JournalTableModel::setFilter(const Journal::Filter &filter)
{
    m_filter = filter;
    refresh();
}

void JournalTableModel::refresh()
{
    beginResetModel();
    m_rows = m_journal->entries(m_filter);
    endResetModel();
}

QVariant JournalTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &e = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.startedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case CampaignIdColumn:
            return e.campaignId;
        case CampaignNameColumn:
            return ServerText::visible(e.campaignName);
        case ActionColumn:
            return CampaignActions::verb(e.action);
        case OutcomeColumn: {
            const QString label = JournalEntry::outcomeLabel(e.outcome);
            return e.interrupted ? tr("%1 (app stopped)").arg(label) : label;
        }
        case BeforeColumn:
            return e.statusBefore == CampaignStatus::Unknown ? QString() : StatusLabels::status(e.statusBefore);
        case AfterColumn:
            return e.statusAfter == CampaignStatus::Unknown ? QString() : StatusLabels::status(e.statusAfter);
        case MessageColumn:
            return ServerText::visible(JournalMessage::text(e));
        case UserColumn:
            return e.osUser;
        case AccountColumn:
            return ServerText::visible(e.account.name);
        case HostColumn:
            return e.apiHost;
        case DurationColumn:
            return e.durationMs >= 0 ? tr("%1 ms").arg(e.durationMs) : QString();
        case ReasonColumn:
            return e.reason;
        case OperationColumn:
            return e.operationId.left(8);
        }
    } else if (role == Qt::ToolTipRole && index.column() == OperationColumn) {
        return e.operationId;
    } else if (role == Qt::ToolTipRole && index.column() == AccountColumn && !e.account.id.isEmpty()) {
        return ServerText::toolTip(e.account.id); // tells apart two accounts with one name
    } else if (role == Qt::UserRole) {
        return e.rowId;
    }
    return {};
}

QVariant JournalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case CampaignIdColumn:
        return tr("ID");
    case CampaignNameColumn:
        return tr("Campaign");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    case MessageColumn:
        return tr("Message");
    case UserColumn:
        return tr("User");
    case AccountColumn:
        return tr("Account");
    case HostColumn:
        return tr("Server");
    case DurationColumn:
        return tr("Duration");
    case ReasonColumn:
        return tr("Reason");
    case OperationColumn:
        return tr("Operation");
    }
    return {};
}
