#include "confirmactiondialog.h"

#include "accountlabel.h"
#include "campaignactions.h"
#include "servertext.h"
#include "ui_confirmactiondialog.h"

#include <QPushButton>
#include <QStyle>
#include <QTimeZone>

void DialogConfirmer::confirm(QWidget *parent, const ConfirmRequest &request, Answered answered)
{
    auto *dialog = new ConfirmActionDialog(request, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, answered = std::move(answered)](int result) {
        const bool confirmed = result == QDialog::Accepted;
        answered({confirmed, confirmed ? dialog->reason() : QString(),
                  confirmed ? dialog->schedule() : ActivationSchedule{}});
    });
    dialog->open();
}

ConfirmActionDialog::ConfirmActionDialog(const ConfirmRequest &request, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::ConfirmActionDialog>()),
      m_count(static_cast<int>(request.campaigns.size())), m_typeCount(request.typeCount),
      m_withSchedule(request.withSchedule && request.action == CampaignAction::Activate)
{
    ui->setupUi(this);
    const QString title = m_withSchedule ? tr("Schedule %n campaign(s)?", nullptr, m_count)
                                         : CampaignActions::confirmTitle(request.action, m_count);
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

    // Which account the click reaches, in words and in its colour.
    AccountLabel::apply(ui->accountLabel, request.accountName, request.accountEnvironment, request.accountColour);

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
        = ui->buttonBox->addButton(m_withSchedule ? tr("Schedule %n campaign(s)", nullptr, m_count)
                                                  : CampaignActions::confirmButton(request.action, m_count),
                                   irreversible ? QDialogButtonBox::DestructiveRole : QDialogButtonBox::AcceptRole);
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    m_confirmButton->setAutoDefault(false);
    if (irreversible)
        m_confirmButton->setAccessibleDescription(tr("Completes the campaigns listed above; this cannot be undone"));
    cancelButton()->setDefault(true);
    cancelButton()->setAutoDefault(true);
    connect(m_confirmButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    ui->confirmLabel->setText(tr("To confirm, &type %1:").arg(m_count));
    connect(ui->confirmEdit, &QLineEdit::textChanged, this, &ConfirmActionDialog::updateButton);
    if (m_withSchedule)
        setUpSchedule();
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

void ConfirmActionDialog::setUpSchedule()
{
    ui->scheduleGroup->setVisible(true);
    // Whole hours ahead, in the user's own time: what people schedule by.
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime nextHour = QDateTime(now.date(), QTime(now.time().hour(), 0)).addSecs(3600);
    for (QDateTimeEdit *edit : {ui->startEdit, ui->pauseEdit, ui->completeEdit}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setTimeSpec(Qt::LocalTime);
    }
    ui->startEdit->setDateTime(nextHour);
    ui->pauseEdit->setDateTime(nextHour.addDays(7));
    ui->completeEdit->setDateTime(nextHour.addDays(30));
    const QTimeZone zone = QTimeZone::systemTimeZone();
    ui->zoneLabel->setText(tr("Times are in your time zone, %1 (%2).")
                               .arg(QString::fromUtf8(zone.id()), zone.displayName(now, QTimeZone::OffsetName)));
    ui->completionWarning->setText(tr("Completing on a date is as irreversible as completing now: at that time the "
                                      "campaigns end for ever, with every mailing and scenario in them."));
    ui->completionWarning->setStyleSheet(QStringLiteral("color: #c5221f;"));
    ui->scheduleProblem->setStyleSheet(QStringLiteral("color: #c5221f;"));
    const auto refresh = [this] {
        ui->startEdit->setEnabled(ui->startAtRadio->isChecked());
        ui->pauseEdit->setEnabled(ui->pauseCheck->isChecked());
        ui->completeEdit->setEnabled(ui->completeCheck->isChecked());
        ui->completionWarning->setVisible(ui->completeCheck->isChecked());
        updateButton();
    };
    for (QAbstractButton *b :
         {static_cast<QAbstractButton *>(ui->startNowRadio), static_cast<QAbstractButton *>(ui->startAtRadio),
          static_cast<QAbstractButton *>(ui->pauseCheck), static_cast<QAbstractButton *>(ui->completeCheck)})
        connect(b, &QAbstractButton::toggled, this, refresh);
    for (QDateTimeEdit *edit : {ui->startEdit, ui->pauseEdit, ui->completeEdit})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, refresh);
    refresh();
}

ActivationSchedule ConfirmActionDialog::schedule() const
{
    if (!m_withSchedule)
        return {};
    // To the minute, as the fields show it: a second the user cannot see is not sent either.
    const auto minute = [](const QDateTimeEdit *edit) {
        QDateTime t = edit->dateTime();
        t.setTime(QTime(t.time().hour(), t.time().minute()));
        return t.toUTC();
    };
    ActivationSchedule s;
    if (ui->startAtRadio->isChecked())
        s.activateAt = minute(ui->startEdit);
    if (ui->pauseCheck->isChecked())
        s.deactivateAt = minute(ui->pauseEdit);
    if (ui->completeCheck->isChecked())
        s.completeAt = minute(ui->completeEdit);
    return s;
}

QString ConfirmActionDialog::scheduleProblem() const
{
    const ActivationSchedule s = schedule();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start = s.activateAt.isValid() ? s.activateAt : now;
    if (s.activateAt.isValid() && s.activateAt <= now)
        return tr("The start is in the past: choose a later time, or Start now.");
    if (s.deactivateAt.isValid() && s.deactivateAt <= start)
        return tr("The pause must come after the start.");
    if (s.completeAt.isValid() && s.completeAt <= start)
        return tr("The completion must come after the start.");
    return QString();
}

void ConfirmActionDialog::updateButton()
{
    // Completing on a date asks what completing now asks: the count, for more than one.
    const bool completes = m_withSchedule && ui->completeCheck->isChecked();
    const bool typeCount = m_typeCount || (completes && m_count > 1);
    ui->confirmLabel->setVisible(typeCount);
    ui->confirmEdit->setVisible(typeCount);
    const QString problem = m_withSchedule ? scheduleProblem() : QString();
    ui->scheduleProblem->setText(problem);
    ui->scheduleProblem->setVisible(!problem.isEmpty());
    m_confirmButton->setEnabled(problem.isEmpty()
                                && (!typeCount || ui->confirmEdit->text().trimmed() == QString::number(m_count)));
}
