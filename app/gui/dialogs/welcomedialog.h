#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class WelcomeDialog;
}

// First run: connect an account, or try the demo.
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { None, Connect, Demo };

    explicit WelcomeDialog(QWidget *parent = nullptr);
    ~WelcomeDialog() override;
    Choice choice() const { return m_choice; }
    // The demo needs altcraft-emulator: when it is missing, the button is off and why is shown.
    void setDemoUnavailable(const QString &why);

private:
    void fitHeight();

    std::unique_ptr<Ui::WelcomeDialog> ui;
    Choice m_choice = Choice::None;
};
