#pragma once

#include "accountref.h"

#include <QList>
#include <QWidget>

#include <memory>

namespace Ui {
class HistoryWindow;
}
class Journal;
class JournalRecorder;
class JournalTableModel;
class Settings;

// View → History: every recorded action, newest first, with filters, copy, CSV export, and
// "Check status now" for actions whose outcome is unknown.
class HistoryWindow : public QWidget
{
    Q_OBJECT
public:
    HistoryWindow(Journal *journal, JournalRecorder *recorder, Settings *settings, QWidget *parent = nullptr);
    ~HistoryWindow() override;

    JournalTableModel *model() const { return m_model; }
    bool exportTo(const QString &path, QString *error = nullptr) const;
    QString selectedRowsText() const; // tab-separated, with a header line

public Q_SLOTS:
    void copySelection();
    void exportCsv();
    void checkStatusNow();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void applyFilter();
    void updateUnknownBanner();
    void updateAccountFilter();

    std::unique_ptr<Ui::HistoryWindow> ui;
    Journal *m_journal;
    JournalRecorder *m_recorder;
    Settings *m_settings;
    JournalTableModel *m_model;
    QList<AccountRef> m_accountsListed; // what accountFilter lists now, after "All accounts"
};
