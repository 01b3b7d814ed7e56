#include "tablecolumns.h"

#include "campaigntablemodel.h"

#include <QHeaderView>
#include <QMenu>
#include <QTableView>

TableColumns::TableColumns(QTableView *table, QObject *parent)
    : QObject(parent), m_table(table), m_header(table->horizontalHeader()), m_menu(new QMenu(tr("&Columns"), table))
{
    const QAbstractItemModel *model = table->model();
    for (int column = 0; column < CampaignTableModel::ColumnCount; ++column) {
        // The star column's header is a star; its accessible text says what it is.
        const QString label = model->headerData(column, Qt::Horizontal, Qt::AccessibleTextRole).toString();
        QAction *a = m_menu->addAction(
            label.isEmpty() ? model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString() : label);
        a->setCheckable(true);
        a->setData(column);
        // The name says which campaign a row is: it always shows.
        a->setEnabled(column != CampaignTableModel::NameColumn);
        connect(a, &QAction::toggled, this, [this, column](bool on) {
            if (m_applying || isShown(column) == on)
                return;
            setShown(column, on);
            Q_EMIT changed();
        });
        if (column == CampaignTableModel::WatchedColumn)
            m_menu->addSeparator(); // the ones after it are new and hidden until chosen
    }
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("&Reset Columns")), &QAction::triggered, this, [this] {
        reset();
        Q_EMIT changed();
    });

    m_header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_header, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { m_menu->exec(m_header->viewport()->mapToGlobal(pos)); });
    connect(m_header, &QHeaderView::sectionMoved, this, [this] {
        if (!m_applying)
            Q_EMIT changed();
    });
    connect(m_header, &QHeaderView::sortIndicatorChanged, this, [this] {
        if (!m_applying)
            Q_EMIT changed();
    });
    reset();
}

int TableColumns::defaultWidth(int column) const
{
    const QFontMetrics metrics = m_table->fontMetrics();
    switch (column) {
    case CampaignTableModel::IdColumn:
        return 70;
    case CampaignTableModel::NameColumn:
        return 320;
    case CampaignTableModel::StatusColumn:
        return 170;
    case CampaignTableModel::UpdatedColumn:
    case CampaignTableModel::CreatedColumn:
        return 130;
    case CampaignTableModel::WatchedColumn:
        return metrics.horizontalAdvance(QChar(0x2605)) * 2 + 16;
    case CampaignTableModel::DescriptionColumn:
        return 260;
    case CampaignTableModel::BroadcastsColumn:
    case CampaignTableModel::RegularsColumn:
    case CampaignTableModel::TriggersColumn:
    case CampaignTableModel::ScenariosColumn:
        // As wide as the header asks: numbers are short, their headers are not.
        return metrics.horizontalAdvance(
                   m_table->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())
            + 24;
    default:
        return 110;
    }
}

void TableColumns::reset()
{
    m_applying = true;
    for (int column = 0; column < CampaignTableModel::ColumnCount; ++column) {
        m_header->moveSection(m_header->visualIndex(column), column);
        m_header->resizeSection(column, defaultWidth(column));
        m_header->setSectionHidden(column, !CampaignTableModel::isShownByDefault(column));
    }
    // The star leads the row, as in a mail client, though the model keeps it last.
    m_header->moveSection(m_header->visualIndex(CampaignTableModel::WatchedColumn), 0);
    m_table->sortByColumn(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    m_applying = false;
    updateMenu();
}

void TableColumns::capture(CampaignView *view) const
{
    view->columns.clear();
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int column = m_header->logicalIndex(visual);
        view->columns.append(
            {CampaignTableModel::columnKey(column), m_header->sectionSize(column), m_header->isSectionHidden(column)});
    }
    view->sortKey = CampaignTableModel::columnKey(m_header->sortIndicatorSection());
    view->sortDescending = m_header->sortIndicatorOrder() == Qt::DescendingOrder;
}

void TableColumns::apply(const CampaignView &view)
{
    reset();
    m_applying = true;
    int visual = 0;
    for (const CampaignView::Column &c : view.columns) {
        const int column = CampaignTableModel::columnForKey(c.key);
        if (column < 0)
            continue;
        m_header->moveSection(m_header->visualIndex(column), visual++);
        if (c.width > 0)
            m_header->resizeSection(column, c.width);
        m_header->setSectionHidden(column, c.hidden && column != CampaignTableModel::NameColumn);
    }
    const int sortColumn = CampaignTableModel::columnForKey(view.sortKey);
    m_table->sortByColumn(sortColumn >= 0 ? sortColumn : CampaignTableModel::IdColumn,
                          view.sortDescending ? Qt::DescendingOrder : Qt::AscendingOrder);
    m_applying = false;
    updateMenu();
}

bool TableColumns::isShown(int column) const
{
    return !m_header->isSectionHidden(column);
}

void TableColumns::setShown(int column, bool shown)
{
    if (column == CampaignTableModel::NameColumn && !shown)
        return;
    m_header->setSectionHidden(column, !shown);
    if (shown && m_header->sectionSize(column) < 20)
        m_header->resizeSection(column, defaultWidth(column));
    updateMenu();
}

QList<int> TableColumns::shownInOrder() const
{
    QList<int> columns;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int column = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(column))
            columns << column;
    }
    return columns;
}

void TableColumns::updateMenu()
{
    const bool applying = std::exchange(m_applying, true);
    for (QAction *a : m_menu->actions()) {
        if (a->isCheckable())
            a->setChecked(isShown(a->data().toInt()));
    }
    m_applying = applying;
}
