#pragma once

#include <QDialog>
#include <QUrl>

#include <memory>

namespace Ui {
class SettingsDialog;
}
class AltcraftClient;
class ConnectionTester;
class QNetworkAccessManager;
class Settings;
class TokenStore;

// Edit → Settings: the API URL and token, timeouts, parallel requests, auto-refresh and
// language. OK applies (the token goes to the OS keychain, or, when there is none and the user
// agrees, into memory for this session only); Cancel discards; an invalid form cannot be applied.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // Test connection goes through network, the app's one QNetworkAccessManager.
    SettingsDialog(Settings *settings, QNetworkAccessManager *network, const QString &currentToken,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Opens with this URL in the field (given with --api-url, say) instead of the saved one.
    void setApiUrl(const QUrl &url);
    // A sentence above the form that says why the dialog opened by itself.
    void setNotice(const QString &text);

    QUrl apiUrl() const { return m_url; }
    QString token() const;
    bool tokenIsSessionOnly() const { return m_sessionOnly; }

    // The question asked when no keychain is available; tests answer it through this seam.

private:
    void validate();
    void testConnection();
    void forgetToken();
    void apply();
    void finishApply();

    std::unique_ptr<Ui::SettingsDialog> ui;
    Settings *m_settings;
    AltcraftClient *m_testClient;
    ConnectionTester *m_tester;
    TokenStore *m_store = nullptr;
    QUrl m_url;
    QUrl m_initialUrl; // the saved URL the dialog opened with (the keychain entry is per host)
    QString m_initialToken;
    bool m_sessionOnly = false;
};
