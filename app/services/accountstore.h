#pragma once

#include "account.h"

#include <QList>
#include <QObject>

#include <optional>

class Settings;

// The accounts the user saved, kept in Settings (never their tokens: see TokenStore::forAccount)
// and which one is in use. The demo is not saved: it is always there, first, and cannot be
// edited or removed. Names are unique (case-insensitively), so `--account NAME` means one.
class AccountStore : public QObject
{
    Q_OBJECT
public:
    explicit AccountStore(Settings *settings, QObject *parent = nullptr);

    // The two built-in demo accounts first, then the saved ones in the order they were added.
    QList<Account> accounts() const;
    QList<Account> savedAccounts() const { return m_accounts; }
    std::optional<Account> find(const QString &id) const;
    // By display name, ignoring case and surrounding spaces.
    std::optional<Account> findByName(const QString &name) const;

    // Each returns an empty string on success, or a translated sentence saying what is wrong.
    QString add(const Account &account);
    QString update(const Account &account);
    // Forgets the account's settings; its keychain entry is the caller's (TokenStore::forget).
    QString remove(const QString &id);
    // A copy under a free name ("Name (copy)", "Name (copy 2)", ...) and a fresh id.
    Account duplicateOf(const Account &account) const;
    QString uniqueName(const QString &wanted) const;

    // The account in use; the demo when none was chosen or the chosen one is gone.
    Account current() const;
    void setCurrent(const QString &id);

    // Where the demo's emulator listens in this run, so that accounts() shows its URL.
    void setDemoUrl(const QUrl &url) { m_demoUrl = url; }

Q_SIGNALS:
    void accountsChanged();
    void currentChanged(const Account &account);

private:
    QString check(const Account &account, const QString &ignoreId) const;
    void save();

    Settings *m_settings;
    QList<Account> m_accounts;
    QUrl m_demoUrl;
};
