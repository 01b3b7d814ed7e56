#pragma once

#include <QCoreApplication>
#include <QString>

class QLabel;

// The line a confirmation shows to say which account it reaches: "In account: Shop (Staging)",
// edged in the account's colour. The name is the user's own text: shown as plain text.
class AccountLabel
{
    Q_DECLARE_TR_FUNCTIONS(AccountLabel)
public:
    static void apply(QLabel *label, const QString &name, const QString &environment, const QString &colour);
};
