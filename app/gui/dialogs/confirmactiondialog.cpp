#include "confirmactiondialog.h"

#include "campaignactions.h"
#include "servertext.h"
#include "ui_confirmactiondialog.h"

#include <QPushButton>
#include <QStyle>

void DialogConfirmer::confirm(QWidget *parent, const ConfirmRequest &request, Answered answered)
{
    auto *dialog = new ConfirmActionDialog(request, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, answered = std::move(answered)](int result) {
        const bool confirmed = result == QDialog::Accepted;
        answered({confirmed, confirmed ? dialog->reason() : QString()});
    });
    dialog->open();
}

ConfirmActionDialog::ConfirmActionDialog(const ConfirmRequest &request, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::ConfirmActionDialog>()),
      m_count(static_cast<int>(request.campaigns.size())), m_typeCount(request.typeCount)
{
    ui->setupUi(this);
    const QString title = CampaignActions::confirmTitle(request.action, m_count);
    setWindowTitle(title);
    ui->headingLabel->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    QFont headingFont = ui->headingLabel->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    ui->headingLabel->setFont(headingFont);
    ui->consequenceLabel->setText(CampaignActions::consequence(request.action));
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    const bool irreversible = request.action == CampaignAction::Complete;
    ui->iconLabel->setPixmap(
        style()
            ->standardIcon(irreversible ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxQuestion, nullptr, this)
            .pixmap(iconSize));

    // Which account the click reaches, in words and in the account's colour: the name is the
    // user's own text, so it is shown as plain text.
    ui->accountLabel->setVisible(!request.accountName.isEmpty());
    ui->accountLabel->setText(tr("In account: %1 (%2)").arg(request.accountName, request.accountEnvironment));
    if (!request.accountColour.isEmpty()) {
        ui->accountLabel->setStyleSheet(
            QStringLiteral("#accountLabel { border: 1px solid %1; border-left: 6px solid %1; border-radius: 3px; "
                           "padding: 4px 8px; font-weight: bold; }")
                .arg(request.accountColour));
    }

    QStringList lines;
    for (int i = 0; i < std::min(m_count, kListedCampaigns); ++i) {
        const Campaign &c = request.campaigns.at(i);
        const QString nested = tr("%n mailing(s)", nullptr, static_cast<int>(c.nested.mailingCount()))
            + QStringLiteral(", ") + tr("%n scenario(s)", nullptr, static_cast<int>(c.nested.scenarioCount()));
        lines << QStringLiteral("<b>%1</b> %2 <span>— %3</span>")
                     .arg(c.id)
                     .arg(ServerText::visible(c.name).toHtmlEscaped(), nested.toHtmlEscaped());
    }
    if (m_count > kListedCampaigns)
        lines << tr("and %n more", nullptr, m_count - kListedCampaigns).toHtmlEscaped();
    ui->campaignsLabel->setText(lines.join(QStringLiteral("<br>")));
    ui->campaignsLabel->setAccessibleName(tr("Campaigns this action changes"));
    ui->skippedLabel->setText(request.skippedText);
    ui->skippedLabel->setVisible(!request.skippedText.isEmpty());

    // The button says what it does; Cancel stays the default, so Enter never confirms.
    m_confirmButton
        = ui->buttonBox->addButton(CampaignActions::confirmButton(request.action, m_count),
                                   irreversible ? QDialogButtonBox::DestructiveRole : QDialogButtonBox::AcceptRole);
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    m_confirmButton->setAutoDefault(false);
    if (irreversible)
        m_confirmButton->setAccessibleDescription(tr("Completes the campaigns listed above; this cannot be undone"));
    cancelButton()->setDefault(true);
    cancelButton()->setAutoDefault(true);
    connect(m_confirmButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    ui->confirmLabel->setVisible(m_typeCount);
    ui->confirmEdit->setVisible(m_typeCount);
    if (m_typeCount) {
        ui->confirmLabel->setText(tr("To confirm, &type %1:").arg(m_count));
        connect(ui->confirmEdit, &QLineEdit::textChanged, this, &ConfirmActionDialog::updateButton);
    }
    updateButton();
    cancelButton()->setFocus();
    resize(width(), sizeHint().height());
}

ConfirmActionDialog::~ConfirmActionDialog() = default;

QString ConfirmActionDialog::reason() const
{
    return ui->reasonEdit->text().trimmed();
}

QPushButton *ConfirmActionDialog::cancelButton() const
{
    return ui->buttonBox->button(QDialogButtonBox::Cancel);
}

void ConfirmActionDialog::updateButton()
{
    m_confirmButton->setEnabled(!m_typeCount || ui->confirmEdit->text().trimmed() == QString::number(m_count));
}
