#pragma once

#include "account.h"

#include <QObject>
#include <QPointer>

class AccountStore;
class Settings;
class TokenStore;

// Moves what a version before accounts saved, one API URL in settings and one token in the
// keychain under the URL's host, into an account named after that host. Nothing is lost: the
// old URL key goes only once the token is safe under the account's own entry (or there was no
// token), and the old entry only once the new one is written. An interrupted migration runs again
// at the next start and finds the account it made by its URL.
//
// start() ends with exactly one signal: finished(account), or failed(account, message) when the
// keychain could not be read or written (the account is there, the old entry kept).
class AccountMigration : public QObject
{
    Q_OBJECT
public:
    AccountMigration(Settings *settings, AccountStore *accounts, QObject *parent = nullptr);

    // True while settings still hold the old single URL.
    bool isNeeded() const;
    void start();
    // The account the old URL became; set by start(), before the token has moved.
    Account account() const { return m_account; }

Q_SIGNALS:
    void finished(const Account &account);
    void failed(const Account &account, const QString &message);

private:
    Account accountForLegacyUrl(const QUrl &url);
    void moveToken(const QString &token);
    void done();
    void fail(const QString &message);

    Settings *m_settings;
    AccountStore *m_accounts;
    Account m_account;
    QPointer<TokenStore> m_legacy;
    QPointer<TokenStore> m_target;
};
