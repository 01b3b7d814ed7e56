#pragma once

#include "accountref.h"

#include <QList>
#include <QWidget>

#include <memory>

namespace Ui {
class ActivityPane;
}
class ActivityTableModel;
class Journal;
class QSortFilterProxyModel;
class QTableView;

// The Activity log (issue 18): what the background watch noticed, newest first, kept in the
// journal across restarts. Meant to sit in a QDockWidget. Everything shown is plain text.
class ActivityPane : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPane(QWidget *parent = nullptr);
    ~ActivityPane() override;

    // Shows the journal's Activity log and follows it. The journal may open later: call
    // reload() once it has.
    void setJournal(Journal *journal);
    void reload();

    ActivityTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const;
    // The account the filter shows; empty: all accounts.
    QString accountFilter() const;
    void setAccountFilter(const QString &accountId);

public Q_SLOTS:
    // Asks (through MessageBox), then removes the rows of the account shown, or all of them.
    void clearActivity();

Q_SIGNALS:
    // Double-click or Enter on a row that names a campaign.
    void campaignRequested(const QString &accountId, qint64 campaignId);

private:
    void updateAccountFilter();
    void applyAccountFilter();
    void updateEmptyState();

    std::unique_ptr<Ui::ActivityPane> ui;
    ActivityTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QList<AccountRef> m_accountsListed; // what accountFilter lists after "All accounts"
};
