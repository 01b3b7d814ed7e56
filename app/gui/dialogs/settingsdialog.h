#pragma once

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace Ui {
class SettingsDialog;
}
struct Account;
class AccountDialog;
class AccountListModel;
class AccountStore;
class AltcraftClient;
class ConnectionTester;
class QNetworkAccessManager;
class Settings;
class TokenStore;

// Edit → Settings, two tabs. Accounts: the accounts to add, edit (in an AccountDialog),
// duplicate, remove and test; each change is saved at once, by the AccountStore, when its
// editor's OK is pressed, and the tokens go to the OS keychain under each account's id. General:
// request timeout, parallel requests, auto-refresh and language, applied by OK, discarded by
// Cancel.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // Test connection goes through network, the app's one QNetworkAccessManager.
    SettingsDialog(Settings *settings, AccountStore *accounts, QNetworkAccessManager *network,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // A sentence above the tabs that says why the dialog opened by itself.
    void setNotice(const QString &text);
    // A token the app holds in memory (session-only, or already loaded), so that the editor
    // shows and keeps it and Test connection uses it without asking the keychain.
    void setSessionToken(const QString &accountId, const QString &token);
    // Opens the account's editor (window-modal, without a nested event loop).
    void editAccount(const QString &accountId);
    // Opens the editor for a new account, with this API URL filled in when given.
    void addAccount(const QUrl &prefilledUrl = {});

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // After an account editor's OK: token saved in the keychain (sessionOnly false), or kept for
    // this session only (sessionOnly true, after the user agreed because there is no keychain),
    // or "" when the user emptied or forgot it.
    void tokenChanged(const QString &accountId, const QString &token, bool sessionOnly);

private:
    QString selectedId() const;
    void select(const QString &accountId);
    void selectionChanged();
    void updateButtons();
    void openEditor(AccountDialog *dialog);
    void duplicateSelected();
    void removeSelected();
    void testSelected();
    void startTest(const Account &account, const QString &token);
    void apply();

    std::unique_ptr<Ui::SettingsDialog> ui;
    Settings *m_settings;
    AccountStore *m_accounts;
    QNetworkAccessManager *m_network;
    AccountListModel *m_model;
    AltcraftClient *m_testClient;
    ConnectionTester *m_tester;
    QPointer<AccountDialog> m_editor;
    QPointer<TokenStore> m_tokenReader; // Duplicate and Test connection read a token first
    QHash<QString, QString> m_sessionTokens;
    QString m_testedId; // the account the test result is about
};
