#include "watchstardelegate.h"

#include <QApplication>
#include <QHash>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace {
const QChar kFilledStar(0x2605);
const QColor kGold(0xd4, 0x9a, 0x00);

// A five-pointed star, drawn rather than typed: the glyph needs a fallback font in many
// families, and looking one up for every visible row made each keystroke's repaint slower.
QPixmap drawStar(int size, const QColor &fill, const QColor &outline, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPolygonF points;
    const QPointF centre(size / 2.0, size / 2.0 + size * 0.04);
    const qreal outer = size * 0.46;
    const qreal inner = outer * 0.42;
    for (int i = 0; i < 10; ++i) {
        const qreal angle = -M_PI / 2 + i * M_PI / 5;
        const qreal radius = i % 2 == 0 ? outer : inner;
        points << centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    painter.setPen(QPen(outline, std::max(1.0, size / 14.0)));
    painter.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
    painter.drawPolygon(points);
    return pixmap;
}

// Few sizes and colours ever: each is drawn once.
const QPixmap &cachedStar(int size, bool filled, const QColor &outline, qreal dpr)
{
    static QHash<QString, QPixmap> cache;
    const QString key = QStringLiteral("%1/%2/%3/%4").arg(size).arg(filled).arg(outline.rgba()).arg(dpr);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, drawStar(size, filled ? kGold : QColor(), outline, dpr));
    return *it;
}
} // namespace

QIcon WatchStarDelegate::icon()
{
    static const QIcon star = [] {
        QIcon icon;
        for (int size : {16, 22, 24, 32, 48})
            icon.addPixmap(drawStar(size, kGold, kGold.darker(130), 1.0));
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

    QColor outline = watched ? kGold.darker(130) : opt.palette.color(QPalette::PlaceholderText);
    if (!watched && !(opt.state & QStyle::State_MouseOver))
        outline.setAlphaF(0.45);
    const int size = std::clamp(opt.rect.height() - 8, 10, 18);
    const QPixmap &star = cachedStar(size, watched, outline, painter->device()->devicePixelRatioF());
    const QRect target(opt.rect.center().x() - size / 2 + 1, opt.rect.center().y() - size / 2 + 1, size, size);
    painter->drawPixmap(target, star);
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
