#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class FacetPane;
}
class CampaignFacetModel;
class QSortFilterProxyModel;

// The Tags and Groups pane: the tags and groups of the loaded campaigns, each with how many
// campaigns carry it; ticking some narrows the table (any ticked tag, and any ticked group).
class FacetPane : public QWidget
{
    Q_OBJECT
public:
    // The pane does not own the models.
    FacetPane(CampaignFacetModel *tags, CampaignFacetModel *groups, QWidget *parent = nullptr);
    ~FacetPane() override;

    // A sentence under the lists (the filters go to the server, say); "" hides it.
    void setNote(const QString &note);
    QSortFilterProxyModel *tagView() const { return m_tags; }
    QSortFilterProxyModel *groupView() const { return m_groups; }

Q_SIGNALS:
    void clearRequested();

private:
    std::unique_ptr<Ui::FacetPane> ui;
    QSortFilterProxyModel *m_tags;
    QSortFilterProxyModel *m_groups;
};
