#pragma once

#include "account.h"
#include "exitcode.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

class AccountStore;
class AltcraftClient;
class ClientBinder;
class Settings;
struct CliOptions;

// The account a command works in and a client that carries its address, token and rules: the
// saved account --account NAME with its keychain token (never ALTCRAFT_API_TOKEN, which may be
// another client's), or --api-url URL with ALTCRAFT_API_TOKEN (a saved account at that address brings its rules and
// token, as in the window). The token stays in memory, in the client's request factory only.
class CliSession
{
    Q_DECLARE_TR_FUNCTIONS(CliSession)
public:
    explicit CliSession(Settings *settings);
    ~CliSession();
    CliSession(const CliSession &) = delete;
    CliSession &operator=(const CliSession &) = delete;

    // Finds the account and reads its token. On failure returns the exit code and *error says why.
    std::optional<ExitCode> open(const CliOptions &options, QString *error);

    const Account &account() const { return m_account; }
    AltcraftClient *client() const { return m_client.get(); }
    AccountStore *accounts() const { return m_accounts.get(); }
    Settings *settings() const { return m_settings; }
    // Something open() wants the user to know, not an error (e.g. the environment's token ignored).
    QString notice() const { return m_notice; }

    // Reads a saved account's token from the keychain, waiting for the answer. Empty when none;
    // *error says why when the keychain failed.
    static QString loadToken(const QString &accountId, QString *error);
    // "No account is called …" with the saved names.
    QString unknownAccountText(const QString &name) const;

private:
    Settings *m_settings;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<AltcraftClient> m_client;
    std::unique_ptr<ClientBinder> m_binder;
    Account m_account;
    QString m_notice;
};
