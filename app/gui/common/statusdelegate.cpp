#include "statusdelegate.h"

#include "campaigntablemodel.h"
#include "statusappearance.h"

void StatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto status = static_cast<CampaignStatus>(index.data(CampaignTableModel::StatusRole).toInt());
    const bool busy = index.data(CampaignTableModel::BusyRole).toBool();
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->icon = StatusAppearance::icon(status);
    option->decorationSize = QSize(16, 16);
    if (busy) {
        option->font.setItalic(true);
    } else if (!(option->state & QStyle::State_Selected)) {
        option->palette.setColor(QPalette::Text, StatusAppearance::color(status, option->palette));
    }
}
