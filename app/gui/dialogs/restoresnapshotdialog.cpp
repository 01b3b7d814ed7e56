#include "restoresnapshotdialog.h"

#include "accountlabel.h"

#include "servertext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QStandardItem *cell(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QString when(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

RestoreSnapshotDialog::RestoreSnapshotDialog(const QList<IncidentSnapshot> &snapshots, QWidget *parent)
    : QDialog(parent), m_snapshots(snapshots), m_model(new QStandardItemModel(this)), m_view(new QTreeView(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setWindowTitle(tr("Restore Snapshot"));
    resize(640, 360);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(snapshots.isEmpty() ? tr("No incident pause has been recorded yet.")
                                                     : tr("Choose the incident pause to undo. Only the campaigns it "
                                                          "paused that nobody has touched since are activated again."),
                                 this));
    m_model->setHorizontalHeaderLabels({tr("When"), tr("Account"), tr("Paused"), tr("Scope"), tr("Reason")});
    for (const IncidentSnapshot &s : snapshots) {
        m_model->appendRow({cell(when(s.takenAt)), cell(s.account.name), cell(QString::number(s.pausedCount())),
                            cell(s.scope == IncidentSnapshot::Scope::Everything ? tr("Everything") : tr("The filter")),
                            cell(s.reason)});
    }
    m_view->setObjectName(QStringLiteral("snapshotsView"));
    m_view->setAccessibleName(tr("Incident snapshots, newest first"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    // The date, account, count and scope in full; the reason takes the rest.
    for (int column = 0; column < 4; ++column)
        m_view->resizeColumnToContents(column);
    layout->addWidget(m_view);
    m_restoreButton = m_buttons->addButton(tr("&Restore…"), QDialogButtonBox::AcceptRole);
    m_restoreButton->setObjectName(QStringLiteral("restoreButton"));
    m_restoreButton->setAutoDefault(false);
    m_restoreButton->setEnabled(false);
    closeButton()->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_restoreButton->setEnabled(selectedSnapshot().has_value()); });
    if (!snapshots.isEmpty())
        m_view->setCurrentIndex(m_model->index(0, 0));
}

std::optional<IncidentSnapshot> RestoreSnapshotDialog::selectedSnapshot() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_snapshots.value(rows.first().row());
}

QPushButton *RestoreSnapshotDialog::closeButton() const
{
    return m_buttons->button(QDialogButtonBox::Close);
}

RestoreReportDialog::RestoreReportDialog(const IncidentSnapshot &snapshot, const SnapshotRestorePlan &plan,
                                         QWidget *parent)
    : QDialog(parent), m_toActivate(new QStringListModel(this)), m_leftAlone(new QStandardItemModel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    const int activate = static_cast<int>(plan.toActivate().size());
    const int left = static_cast<int>(plan.leftAlone().size());
    setWindowTitle(tr("Restore the Incident Pause"));
    resize(680, 520);
    auto *layout = new QVBoxLayout(this);
    auto *heading = plainLabel(
        tr("Restore the incident pause of %1 in %2?").arg(when(snapshot.takenAt), snapshot.account.name), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);
    m_account = new QLabel(this);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->hide();
    layout->addWidget(m_account);
    m_counts = tr("%n campaign(s) will be activated again.", nullptr, activate) + QLatin1Char(' ')
        + tr("%n campaign(s) will be left alone.", nullptr, left);
    auto *counts = plainLabel(m_counts, this);
    counts->setObjectName(QStringLiteral("countsLabel"));
    layout->addWidget(counts);

    QHash<qint64, QString> names;
    for (const IncidentSnapshotItem &i : snapshot.items)
        names.insert(i.campaignId, i.campaignName);
    QStringList lines;
    for (qint64 id : plan.toActivate())
        lines << tr("%1 — %2").arg(QString::number(id), ServerText::visible(names.value(id)));
    m_toActivate->setStringList(lines);
    layout->addWidget(plainLabel(tr("To activate:"), this));
    auto *activateView = new QListView(this);
    activateView->setObjectName(QStringLiteral("toActivateView"));
    activateView->setAccessibleName(tr("Campaigns the restore activates"));
    activateView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    activateView->setUniformItemSizes(true);
    activateView->setModel(m_toActivate);
    layout->addWidget(activateView);

    layout->addWidget(plainLabel(tr("Left alone:"), this));
    m_leftAlone->setHorizontalHeaderLabels({tr("Campaign"), tr("Why")});
    for (const SnapshotRestorePlan::LeftAlone &l : plan.leftAlone()) {
        m_leftAlone->appendRow(
            {cell(tr("%1 — %2").arg(QString::number(l.campaignId), ServerText::visible(l.campaignName))),
             cell(ServerText::visible(SnapshotRestorePlan::sentence(l)))});
    }
    auto *leftView = new QTreeView(this);
    leftView->setObjectName(QStringLiteral("leftAloneView"));
    leftView->setAccessibleName(tr("Campaigns the restore leaves alone, with the reason"));
    leftView->setRootIsDecorated(false);
    leftView->setUniformRowHeights(true);
    leftView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    leftView->setModel(m_leftAlone);
    leftView->header()->setStretchLastSection(true);
    leftView->setColumnWidth(0, 240);
    layout->addWidget(leftView);

    if (activate > 0) {
        m_confirmButton
            = m_buttons->addButton(tr("Activate %n campaign(s)", nullptr, activate), QDialogButtonBox::AcceptRole);
        m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
        m_confirmButton->setAutoDefault(false);
    } else {
        m_buttons->setStandardButtons(QDialogButtonBox::Close);
    }
    cancelButton()->setDefault(true);
    cancelButton()->setAutoDefault(true);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    cancelButton()->setFocus();
}

QPushButton *RestoreReportDialog::cancelButton() const
{
    if (QPushButton *b = m_buttons->button(QDialogButtonBox::Cancel))
        return b;
    return m_buttons->button(QDialogButtonBox::Close);
}

QString RestoreReportDialog::countsText() const
{
    return m_counts;
}

void RestoreReportDialog::showAccount(const QString &name, const QString &environment, const QString &colour)
{
    AccountLabel::apply(m_account, name, environment, colour);
}
