#include "watchstardelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QPolygonF>

#include <cmath>

namespace {
const QChar kFilledStar(0x2605);
const QChar kOutlineStar(0x2606);
const QColor kGold(0xd4, 0x9a, 0x00);
} // namespace

QIcon WatchStarDelegate::icon()
{
    static const QIcon star = [] {
        QIcon icon;
        for (int size : {16, 22, 24, 32, 48}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            QPolygonF points;
            const QPointF centre(size / 2.0, size / 2.0 + size * 0.04);
            const qreal outer = size * 0.48;
            const qreal inner = outer * 0.42;
            for (int i = 0; i < 10; ++i) {
                const qreal angle = -M_PI / 2 + i * M_PI / 5;
                const qreal radius = i % 2 == 0 ? outer : inner;
                points << centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
            }
            painter.setPen(QPen(kGold.darker(130), size / 16.0));
            painter.setBrush(kGold);
            painter.drawPolygon(points);
            painter.end();
            icon.addPixmap(pixmap);
        }
        return icon;
    }();
    return star;
}

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
