#include "incidentpausedialog.h"

#include "account.h"
#include "accountlabel.h"
#include "campaignstatus.h"
#include "servertext.h"
#include "statuslabels.h"
#include "ui_incidentpausedialog.h"

#include <QPushButton>
#include <QStringListModel>

IncidentPauseDialog::IncidentPauseDialog(const IncidentPauseRequest &request, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::IncidentPauseDialog>()), m_list(new QStringListModel(this)),
      m_count(static_cast<int>(request.campaigns.size()))
{
    ui->setupUi(this);
    setWindowTitle(request.scope == IncidentSnapshot::Scope::Everything ? tr("Pause Everything")
                                                                        : tr("Pause Everything Matching the Filter"));
    ui->headingLabel->setText(request.scope == IncidentSnapshot::Scope::Everything
                                  ? tr("Pause every active and waiting campaign of this account?")
                                  : tr("Pause every active and waiting campaign the current filter shows?"));
    QFont headingFont = ui->headingLabel->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    ui->headingLabel->setFont(headingFont);

    // Which account the click reaches, in words and in its colour.
    AccountLabel::apply(ui->accountLabel, request.accountName, request.accountEnvironment, request.accountColour);

    int active = 0, waiting = 0;
    QStringList lines;
    lines.reserve(m_count);
    for (const Campaign &c : request.campaigns) {
        (c.status == CampaignStatus::Waiting ? waiting : active) += 1;
        lines << tr("%1 — %2 (%3)")
                     .arg(QString::number(c.id), ServerText::visible(c.name), StatusLabels::status(c.status));
    }
    m_list->setStringList(lines);
    ui->campaignsView->setModel(m_list);
    ui->countsLabel->setText(tr("%n active campaign(s) will be paused.", nullptr, active) + QLatin1Char(' ')
                             + tr("%n waiting campaign(s) will be paused.", nullptr, waiting) + QLatin1Char(' ')
                             + tr("A snapshot is kept, so exactly these can be resumed later."));
    ui->countsLabel->setAccessibleName(ui->countsLabel->text());

    // The button says what it does; Cancel stays the default, so Enter never confirms.
    m_confirmButton
        = ui->buttonBox->addButton(tr("Pause %n campaign(s)", nullptr, m_count), QDialogButtonBox::DestructiveRole);
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    m_confirmButton->setAutoDefault(false);
    cancelButton()->setDefault(true);
    cancelButton()->setAutoDefault(true);
    connect(m_confirmButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    ui->confirmLabel->setText(tr("To confirm, &type %1:").arg(m_count));
    connect(ui->confirmEdit, &QLineEdit::textChanged, this, &IncidentPauseDialog::updateButton);
    updateButton();
    cancelButton()->setFocus();
}

IncidentPauseDialog::~IncidentPauseDialog() = default;

QString IncidentPauseDialog::reason() const
{
    return ui->reasonEdit->text().trimmed();
}

QPushButton *IncidentPauseDialog::cancelButton() const
{
    return ui->buttonBox->button(QDialogButtonBox::Cancel);
}

QAbstractItemModel *IncidentPauseDialog::campaignList() const
{
    return m_list;
}

void IncidentPauseDialog::updateButton()
{
    m_confirmButton->setEnabled(m_count > 0 && ui->confirmEdit->text().trimmed() == QString::number(m_count));
}
