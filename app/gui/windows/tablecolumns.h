#pragma once

#include "campaignview.h"

#include <QObject>

class QHeaderView;
class QMenu;
class QTableView;

// The campaign table's columns: which show, in what order, how wide, sorted by which. Builds the
// menu that shows and hides them (the header's context menu and View → Columns share it), and
// turns the layout into a CampaignView's columns and back.
class TableColumns : public QObject
{
    Q_OBJECT
public:
    // The table's model must be (a proxy of) a CampaignTableModel, set before this is made.
    explicit TableColumns(QTableView *table, QObject *parent = nullptr);

    QMenu *menu() const { return m_menu; }
    // The standard layout: the columns before "Created", at their default widths, by ID.
    void reset();
    void capture(CampaignView *view) const;
    // Columns the view does not name (added after it was saved) keep their standard place,
    // shown only if standard; a column this version does not know is ignored.
    void apply(const CampaignView &view);
    // Whether a column shows (by CampaignTableModel::Column).
    bool isShown(int column) const;
    void setShown(int column, bool shown);
    // The shown columns in on-screen order: what an export writes.
    QList<int> shownInOrder() const;

Q_SIGNALS:
    // Shown, hidden, moved or sorted by the user (not by apply() or reset()).
    void changed();

private:
    int defaultWidth(int column) const;
    void updateMenu();

    QTableView *m_table;
    QHeaderView *m_header;
    QMenu *m_menu;
    bool m_applying = false;
};
