#include "addbyiddialog.h"

#include "campaignidparser.h"
#include "ui_addbyiddialog.h"

#include <QPushButton>

AddByIdDialog::AddByIdDialog(QWidget *parent) : QDialog(parent), ui(std::make_unique<Ui::AddByIdDialog>())
{
    ui->setupUi(this);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Add campaigns"));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(ui->idsEdit, &QPlainTextEdit::textChanged, this, &AddByIdDialog::validate);
    validate();
}

AddByIdDialog::~AddByIdDialog() = default;

void AddByIdDialog::setText(const QString &text)
{
    ui->idsEdit->setPlainText(text);
}

QString AddByIdDialog::feedback() const
{
    return ui->feedbackLabel->text();
}

void AddByIdDialog::validate()
{
    const auto result = CampaignIdParser::parse(ui->idsEdit->toPlainText());
    m_ids = result.errors.isEmpty() ? result.ids : QList<qint64>();
    QString text;
    if (!result.errors.isEmpty()) {
        text = result.errors.join(QLatin1Char('\n'));
        ui->feedbackLabel->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    } else if (!result.ids.isEmpty()) {
        text = tr("%n campaign(s) will be added.", nullptr, static_cast<int>(result.ids.size()));
        if (result.duplicates > 0)
            text += QLatin1Char(' ') + tr("%n duplicate(s) ignored.", nullptr, result.duplicates);
        ui->feedbackLabel->setStyleSheet(QString());
    }
    ui->feedbackLabel->setText(text);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_ids.isEmpty());
}
