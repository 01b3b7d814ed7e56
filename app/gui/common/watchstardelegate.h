#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

// Paints the Watched column as a star instead of a check box (filled and gold when watched, a
// faint outline when not) and toggles it on a click anywhere in the cell, not only on a box.
class WatchStarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The gold star, painted (icon themes name it differently or lack it): Campaign → Watch and
    // the Watched filter show it.
    static QIcon icon();

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
};
