#include "welcomedialog.h"

#include "ui_welcomedialog.h"

#include <algorithm>

WelcomeDialog::WelcomeDialog(QWidget *parent) : QDialog(parent), ui(std::make_unique<Ui::WelcomeDialog>())
{
    ui->setupUi(this);
    connect(ui->connectButton, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Connect;
        accept();
    });
    connect(ui->demoButton, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Demo;
        accept();
    });
    fitHeight();
}

// Wrapped sentences grow with the font and the language: the height follows them.
void WelcomeDialog::fitHeight()
{
    if (layout()->hasHeightForWidth())
        resize(width(), std::max(height(), layout()->totalHeightForWidth(width())));
}

WelcomeDialog::~WelcomeDialog() = default;

void WelcomeDialog::setDemoUnavailable(const QString &why)
{
    ui->demoButton->setEnabled(false);
    ui->demoButton->setAccessibleDescription(why);
    ui->demoUnavailableLabel->setText(why);
    ui->demoUnavailableLabel->setVisible(true);
    fitHeight();
}
