#include "watchstardelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>

namespace {
const QChar kFilledStar(0x2605);
const QChar kOutlineStar(0x2606);
const QColor kGold(0xd4, 0x9a, 0x00);
} // namespace

void WatchStarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool watched = index.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
    // The background, selection and focus as for any cell, without the check box or text.
    opt.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    QFont font = opt.font;
    font.setPointSizeF(font.pointSizeF() * 1.2);
    painter->setFont(font);
    QColor colour = watched ? kGold : opt.palette.color(QPalette::PlaceholderText);
    if (!watched && !(opt.state & QStyle::State_MouseOver))
        colour.setAlphaF(0.45);
    painter->setPen(colour);
    painter->drawText(opt.rect, Qt::AlignCenter, watched ? QString(kFilledStar) : QString(kOutlineStar));
    painter->restore();
}

QSize WatchStarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(option.fontMetrics.horizontalAdvance(kFilledStar) * 2 + 12);
    return size;
}

bool WatchStarDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    if (!(index.flags() & Qt::ItemIsUserCheckable))
        return false;
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !option.rect.contains(mouse->position().toPoint()))
            return false;
    } else if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick) {
        // Swallowed so that a click on the star neither starts editing nor opens the campaign.
        return static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
    } else if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key != Qt::Key_Space && key != Qt::Key_Select)
            return false;
    } else {
        return false;
    }
    const bool watched = index.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
    return model->setData(index, watched ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}
