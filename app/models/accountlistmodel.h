#pragma once

#include "account.h"

#include <QAbstractListModel>
#include <QList>

class AccountStore;

// The accounts as a list for the toolbar's switcher and Settings' Accounts page: name and
// environment in words, a swatch of the account's colour, its API address as the tooltip.
// Rebuilt from the store whenever an account is added, changed or removed.
class AccountListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        AccountRole, // QVariant::fromValue(Account)
        EnvironmentRole, // the environment's label
        ColourRole, // QColor
    };
    // The switcher offers the demo's accounts in the demo and the saved ones otherwise, so one
    // window never mixes the emulator with a real server; Settings shows all.
    enum class Show { All, DemoOnly, SavedOnly };

    AccountListModel(AccountStore *store, Show show, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &id) const; // -1 when absent
    Account accountAt(int row) const;
    // What the switcher and the list say for an account: "Name — Environment".
    static QString label(const Account &account);

private:
    void reload();

    AccountStore *m_store;
    Show m_show;
    QList<Account> m_accounts;
};
