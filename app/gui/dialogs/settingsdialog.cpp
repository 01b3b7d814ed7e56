#include "settingsdialog.h"

#include "altcraftclient.h"
#include "apiurl.h"
#include "connectiontester.h"
#include "messagebox.h"
#include "servertext.h"
#include "settings.h"
#include "tokenstore.h"
#include "ui_settingsdialog.h"

#include <QPushButton>

SettingsDialog::SettingsDialog(Settings *settings, QNetworkAccessManager *network, const QString &currentToken,
                               QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings),
      m_testClient(new AltcraftClient(network, this)), m_tester(new ConnectionTester(m_testClient, this)),
      m_initialToken(currentToken)
{
    ui->setupUi(this);
    ui->apiUrlEdit->setText(m_settings->value(Settings::Key::ApiUrl).toString());
    ui->tokenEdit->setText(currentToken);
    ui->timeoutSpin->setValue(m_settings->requestTimeoutSeconds());
    ui->parallelSpin->setValue(m_settings->concurrency());
    ui->refreshSpin->setValue(m_settings->autoRefreshSeconds() / 60);
    ui->languageCombo->addItem(tr("System default"), QString());
    ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    ui->languageCombo->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    ui->languageCombo->setCurrentIndex(
        std::max(0, ui->languageCombo->findData(m_settings->value(Settings::Key::Language).toString())));
    ui->tokenMessage->setText(tr("Kept in the system keychain, never in a file."));

    connect(ui->apiUrlEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(ui->tokenEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(ui->revealButton, &QToolButton::toggled, this, [this](bool shown) {
        ui->tokenEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        ui->revealButton->setText(shown ? tr("Hide") : tr("Show"));
        ui->revealButton->setAccessibleName(shown ? tr("Hide token") : tr("Show token"));
    });
    connect(ui->forgetButton, &QPushButton::clicked, this, &SettingsDialog::forgetToken);
    connect(ui->testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_tester, &ConnectionTester::finished, this, [this](const ConnectionTester::Result &r) {
        ui->testButton->setEnabled(true);
        ui->testResult->setText(r.message);
        ui->testResult->setToolTip(r.error.isNone() ? QString() : ServerText::toolTip(r.error.details()));
    });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::apply);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    m_initialUrl = m_url;
    resize(width(), sizeHint().height());
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setApiUrl(const QUrl &url)
{
    ui->apiUrlEdit->setText(url.toString());
    // The address is known: what is missing is usually the token, so the cursor waits there.
    if (m_url.isValid())
        ui->tokenEdit->setFocus();
}

void SettingsDialog::setNotice(const QString &text)
{
    ui->noticeLabel->setText(text);
    ui->noticeLabel->setVisible(!text.isEmpty());
    resize(width(), sizeHint().height());
}

QString SettingsDialog::token() const
{
    return TokenStore::clean(ui->tokenEdit->text());
}

void SettingsDialog::validate()
{
    const ApiUrlCheck check = ApiUrl::normalise(ui->apiUrlEdit->text());
    m_url = check.ok() ? check.url : QUrl();
    if (ui->apiUrlEdit->text().trimmed().isEmpty())
        ui->apiUrlMessage->setText(tr("Enter the address of your Altcraft, for example ru.altkraft.com."));
    else if (check.ok())
        ui->apiUrlMessage->setText(tr("Requests go to %1").arg(check.url.toDisplayString()));
    else
        ui->apiUrlMessage->setText(check.error);
    ui->apiUrlMessage->setStyleSheet(
        check.ok() || ui->apiUrlEdit->text().trimmed().isEmpty() ? QString() : QStringLiteral("color: #c5221f;"));
    const bool valid = check.ok();
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(valid);
    ui->testButton->setEnabled(valid && !token().isEmpty() && !m_tester->isRunning());
    ui->forgetButton->setEnabled(!ui->tokenEdit->text().isEmpty());
}

void SettingsDialog::testConnection()
{
    RequestFactory factory(m_url);
    factory.setToken(token());
    factory.setTransferTimeout(std::chrono::seconds(ui->timeoutSpin->value()));
    m_testClient->setFactory(factory);
    ui->testButton->setEnabled(false);
    ui->testResult->setText(tr("Testing…"));
    m_tester->start();
}

void SettingsDialog::forgetToken()
{
    ui->tokenEdit->clear();
    if (!m_url.isValid())
        return;
    auto *store = new TokenStore(m_url, this);
    connect(store, &TokenStore::forgotten, this, [this, store] {
        ui->tokenMessage->setText(tr("The token was removed from the keychain."));
        store->deleteLater();
    });
    connect(store, &TokenStore::failed, this, [this, store](TokenStore::Failure, const QString &message) {
        ui->tokenMessage->setText(message);
        store->deleteLater();
    });
    store->forget();
}

void SettingsDialog::apply()
{
    if (!m_url.isValid())
        return;
    // The keychain entry is per host: a token kept while a saved URL changes to another host
    // must be stored for the new one, or the next start finds no token for it.
    const bool hostChanged
        = m_initialUrl.isValid() && TokenStore::accountFor(m_url) != TokenStore::accountFor(m_initialUrl);
    if (token() == m_initialToken && (!hostChanged || token().isEmpty())) {
        finishApply();
        return;
    }
    if (token().isEmpty()) {
        // An emptied token field means "do not keep it": remove it from the keychain too.
        forgetToken();
        finishApply();
        return;
    }
    // The token goes to the keychain first; the dialog closes once it is safely stored.
    ui->buttonBox->setEnabled(false);
    m_store = new TokenStore(m_url, this);
    connect(m_store, &TokenStore::saved, this, [this] {
        m_sessionOnly = false;
        finishApply();
    });
    connect(m_store, &TokenStore::failed, this, [this](TokenStore::Failure kind, const QString &message) {
        ui->buttonBox->setEnabled(true);
        if (kind == TokenStore::Failure::NoKeychain
            && MessageBox::ask(this, tr("No keychain available"),
                               tr("%1\n\nCampaign Manager never writes the token to a file. You can use it for this "
                                  "session only; you will be asked for it again next time.")
                                   .arg(message),
                               tr("Use for This Session Only"))) {
            m_sessionOnly = true;
            finishApply();
            return;
        }
        ui->tokenMessage->setText(message);
    });
    m_store->save(token());
}

void SettingsDialog::finishApply()
{
    m_settings->setValue(Settings::Key::ApiUrl, m_url.toString());
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, ui->timeoutSpin->value());
    m_settings->setValue(Settings::Key::Concurrency, ui->parallelSpin->value());
    m_settings->setValue(Settings::Key::AutoRefreshSeconds, ui->refreshSpin->value() * 60);
    m_settings->setValue(Settings::Key::Language, ui->languageCombo->currentData().toString());
    accept();
}
