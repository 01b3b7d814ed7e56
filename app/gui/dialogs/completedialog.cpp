#include "completedialog.h"

#include "actionconfirmer.h"
#include "servertext.h"
#include "ui_completedialog.h"

#include <QPushButton>
#include <QStyle>

void DialogConfirmer::confirmComplete(QWidget *parent, const QList<Campaign> &campaigns, const QString &skippedText,
                                      Answered answered)
{
    auto *dialog = new CompleteDialog(campaigns, skippedText, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, answered = std::move(answered)](int result) {
        const bool confirmed = result == QDialog::Accepted;
        answered({confirmed, confirmed ? dialog->reason() : QString()});
    });
    dialog->open();
}

CompleteDialog::CompleteDialog(const QList<Campaign> &campaigns, const QString &skippedText, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::CompleteDialog>()), m_count(static_cast<int>(campaigns.size()))
{
    ui->setupUi(this);
    const QString title = m_count == 1 ? tr("Complete campaign?") : tr("Complete %n campaigns?", nullptr, m_count);
    setWindowTitle(title);
    ui->headingLabel->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    QFont headingFont = ui->headingLabel->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    ui->headingLabel->setFont(headingFont);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    ui->iconLabel->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));

    QStringList lines;
    for (int i = 0; i < std::min(m_count, kListedCampaigns); ++i) {
        const Campaign &c = campaigns.at(i);
        const QString nested = tr("%n mailing(s)", nullptr, static_cast<int>(c.nested.mailingCount()))
            + QStringLiteral(", ") + tr("%n scenario(s)", nullptr, static_cast<int>(c.nested.scenarioCount()));
        lines << QStringLiteral("<b>%1</b> %2 <span>— %3</span>")
                     .arg(c.id)
                     .arg(ServerText::visible(c.name).toHtmlEscaped(), nested.toHtmlEscaped());
    }
    if (m_count > kListedCampaigns)
        lines << tr("and %n more", nullptr, m_count - kListedCampaigns).toHtmlEscaped();
    ui->campaignsLabel->setText(lines.join(QStringLiteral("<br>")));
    ui->skippedLabel->setText(skippedText);
    ui->skippedLabel->setVisible(!skippedText.isEmpty());

    // The destructive button says what it does; Cancel stays the default, so Enter never completes.
    m_completeButton = ui->buttonBox->addButton(m_count == 1 ? tr("Complete campaign")
                                                             : tr("Complete %n campaigns", nullptr, m_count),
                                                QDialogButtonBox::DestructiveRole);
    m_completeButton->setAutoDefault(false);
    m_completeButton->setAccessibleDescription(tr("Completes the campaigns listed above; this cannot be undone"));
    cancelButton()->setDefault(true);
    cancelButton()->setAutoDefault(true);
    connect(m_completeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const bool typeToConfirm = m_count > 1;
    ui->confirmLabel->setVisible(typeToConfirm);
    ui->confirmEdit->setVisible(typeToConfirm);
    if (typeToConfirm) {
        ui->confirmLabel->setText(tr("To confirm, &type %1:").arg(m_count));
        connect(ui->confirmEdit, &QLineEdit::textChanged, this, &CompleteDialog::updateButton);
    }
    updateButton();
    cancelButton()->setFocus();
    resize(width(), sizeHint().height());
}

CompleteDialog::~CompleteDialog() = default;

QString CompleteDialog::reason() const
{
    return ui->reasonEdit->text().trimmed();
}

QPushButton *CompleteDialog::cancelButton() const
{
    return ui->buttonBox->button(QDialogButtonBox::Cancel);
}

void CompleteDialog::updateButton()
{
    m_completeButton->setEnabled(m_count == 1 || ui->confirmEdit->text().trimmed() == QString::number(m_count));
}
