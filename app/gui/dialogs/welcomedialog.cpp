#include "welcomedialog.h"

#include "ui_welcomedialog.h"

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
}

WelcomeDialog::~WelcomeDialog() = default;
