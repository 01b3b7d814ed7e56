#pragma once

#include "incidentsnapshot.h"
#include "snapshotrestoreplan.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QStringListModel;
class QTreeView;

// Restore snapshot…: the incident snapshots, newest first (when, account, how many paused, the
// reason). Every cell is plain text. "Restore…" accepts with the selected snapshot.
class RestoreSnapshotDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RestoreSnapshotDialog(const QList<IncidentSnapshot> &snapshots, QWidget *parent = nullptr);

    std::optional<IncidentSnapshot> selectedSnapshot() const;
    QTreeView *view() const { return m_view; }
    QPushButton *restoreButton() const { return m_restoreButton; }
    QPushButton *closeButton() const;

private:
    QList<IncidentSnapshot> m_snapshots;
    QStandardItemModel *m_model;
    QTreeView *m_view;
    QDialogButtonBox *m_buttons;
    QPushButton *m_restoreButton;
};

// The restore's report before anything is sent: the campaigns it would activate and those it
// leaves alone, each with its reason, and the counts. Cancel is the default; with nothing to
// activate only Close is offered.
class RestoreReportDialog : public QDialog
{
    Q_OBJECT
public:
    RestoreReportDialog(const IncidentSnapshot &snapshot, const SnapshotRestorePlan &plan, QWidget *parent = nullptr);

    QPushButton *confirmButton() const { return m_confirmButton; } // null when nothing to activate
    QPushButton *cancelButton() const;
    QStringListModel *toActivateList() const { return m_toActivate; }
    QStandardItemModel *leftAloneList() const { return m_leftAlone; }
    QString countsText() const;
    // The "In account: …" line in the account's colour, as every confirmation has it.
    void showAccount(const QString &name, const QString &environment, const QString &colour);
    QLabel *accountLabel() const { return m_account; }

private:
    QLabel *m_account = nullptr;
    QStringListModel *m_toActivate;
    QStandardItemModel *m_leftAlone;
    QDialogButtonBox *m_buttons;
    QPushButton *m_confirmButton = nullptr;
    QString m_counts;
};
