#pragma once

#include "account.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace Ui {
class AccountDialog;
}
class AccountStore;
class AltcraftClient;
class ConnectionTester;
class QNetworkAccessManager;
class TokenStore;

// Settings → Accounts → Add…, Edit… or Duplicate: one account's name, API URL, token,
// environment, colour and safety rules. OK saves the token to the keychain FIRST (under the
// account's id, which never changes, so the entry survives a new name or URL) and only then adds
// or updates the account in the AccountStore, which saves it to the settings at once. When there
// is no keychain the user may keep the token for this session only. Cancel changes nothing
// (except a Forget already done: that removes the keychain entry at once, as it says).
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, Edit };

    // account: the one to edit (Mode::Edit, an account of the store), or a new one with its
    // fresh id (Mode::Add: Account::create, AccountStore::duplicateOf).
    AccountDialog(AccountStore *accounts, QNetworkAccessManager *network, const Account &account, Mode mode,
                  QWidget *parent = nullptr);
    ~AccountDialog() override;

    // The token the app already knows for this account (or, for a copy, for its source): shown
    // in the field. For Mode::Edit it is also what counts as unchanged (no keychain write).
    void setToken(const QString &token);
    // Reads the token from the keychain entry of fromAccountId instead; OK waits for it.
    void loadToken(const QString &fromAccountId);
    // Test connection waits this long for the server.
    void setRequestTimeout(int seconds) { m_timeoutSeconds = seconds; }

    Mode mode() const { return m_mode; }
    // The account as the form says (its id is the one it opened with).
    Account account() const;
    QString token() const;
    bool tokenIsSessionOnly() const { return m_sessionOnly; }

Q_SIGNALS:
    // After OK: the token was saved in the keychain (sessionOnly false), or kept for this session
    // only (sessionOnly true), or "" when the user emptied the field. Not emitted when the token
    // did not change. Forget, which removes the keychain entry at once, emits "" too.
    void tokenChanged(const QString &accountId, const QString &token, bool sessionOnly);

public Q_SLOTS:
    // Cancel: a new account whose token an OK already stored (before the store refused the
    // account) leaves no keychain entry behind.
    void reject() override;

private:
    void fillEnvironments();
    void fillColours();
    void selectColour(const QString &colour);
    void environmentChosen();
    void validate();
    void testConnection();
    void forgetToken();
    void apply();
    void commit(const QString &token, bool sessionOnly, bool tokenChangedNow);
    void showProblem(const QString &text);

    std::unique_ptr<Ui::AccountDialog> ui;
    AccountStore *m_accounts;
    Account m_account;
    Mode m_mode;
    AltcraftClient *m_testClient;
    ConnectionTester *m_tester;
    QPointer<TokenStore> m_loader;
    QUrl m_url;
    QString m_initialToken; // what the keychain holds for this account, as far as the dialog knows
    int m_timeoutSeconds = 30;
    bool m_colourFollowsEnvironment = false;
    bool m_sessionOnly = false;
    bool m_busy = false; // a keychain write is under way: OK waits
    bool m_pendingTokenSignal = false; // the token was stored, but the store refused the account
};
