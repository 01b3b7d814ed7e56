#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AddByIdDialog;
}

// "Add campaigns by ID…": checks what is typed as it is typed and names each bad entry.
class AddByIdDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddByIdDialog(QWidget *parent = nullptr);
    ~AddByIdDialog() override;

    QList<qint64> ids() const { return m_ids; }
    void setText(const QString &text);
    QString feedback() const;

private:
    void validate();

    std::unique_ptr<Ui::AddByIdDialog> ui;
    QList<qint64> m_ids;
};
