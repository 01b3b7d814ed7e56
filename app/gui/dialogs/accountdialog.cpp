#include "accountdialog.h"

#include "accountstore.h"
#include "altcraftclient.h"
#include "apiurl.h"
#include "connectiontester.h"
#include "messagebox.h"
#include "servertext.h"
#include "tokenstore.h"
#include "ui_accountdialog.h"

#include <QPainter>
#include <QPixmap>
#include <QPushButton>

namespace {

// The colours a band can have: named, so they are told apart without seeing them, and few, so
// that two environments are never almost the same colour. Each environment's default is here.
struct Swatch {
    const char *hex;
    const char *name;
};
constexpr Swatch kSwatches[] = {
    {"#c62828", QT_TRANSLATE_NOOP("AccountDialog", "Red")},
    {"#e68a00", QT_TRANSLATE_NOOP("AccountDialog", "Orange")},
    {"#f9a825", QT_TRANSLATE_NOOP("AccountDialog", "Yellow")},
    {"#2e7d32", QT_TRANSLATE_NOOP("AccountDialog", "Green")},
    {"#00897b", QT_TRANSLATE_NOOP("AccountDialog", "Teal")},
    {"#1565c0", QT_TRANSLATE_NOOP("AccountDialog", "Blue")},
    {"#6a1b9a", QT_TRANSLATE_NOOP("AccountDialog", "Purple")},
    {"#616161", QT_TRANSLATE_NOOP("AccountDialog", "Grey")},
};

QIcon swatchIcon(const QString &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0, 0, 0, 96));
    painter.setBrush(QColor(colour));
    painter.drawRect(0, 0, 15, 15);
    return QIcon(pixmap);
}

} // namespace

AccountDialog::AccountDialog(AccountStore *accounts, QNetworkAccessManager *network, const Account &account, Mode mode,
                             QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::AccountDialog>()), m_accounts(accounts), m_account(account),
      m_mode(mode), m_testClient(new AltcraftClient(network, this)), m_tester(new ConnectionTester(m_testClient, this))
{
    ui->setupUi(this);
    setWindowTitle(mode == Mode::Add ? tr("Add Account") : tr("Edit Account"));
    fillEnvironments();
    fillColours();

    ui->nameEdit->setText(account.name);
    ui->apiUrlEdit->setText(account.apiUrl.toString());
    ui->environmentCombo->setCurrentIndex(
        std::max(0, ui->environmentCombo->findData(static_cast<int>(account.environment))));
    ui->customEnvironmentEdit->setText(account.customEnvironment);
    selectColour(Account::isColour(account.colour) ? account.colour : Account::defaultColour(account.environment));
    // A new account's colour says its environment until the user picks another.
    m_colourFollowsEnvironment
        = mode == Mode::Add && ui->colourCombo->currentData().toString() == Account::defaultColour(account.environment);
    ui->readOnlyCheck->setChecked(account.readOnly);
    ui->confirmEveryActionCheck->setChecked(account.confirmEveryAction);
    ui->typedConfirmationSpin->setValue(account.typedConfirmationFrom);
    ui->tokenMessage->setText(tr("Kept in the system keychain, never in a file."));
    environmentChosen();

    connect(ui->nameEdit, &QLineEdit::textChanged, this, [this] {
        ui->problemLabel->hide();
        validate();
    });
    connect(ui->apiUrlEdit, &QLineEdit::textChanged, this, &AccountDialog::validate);
    connect(ui->tokenEdit, &QLineEdit::textChanged, this, &AccountDialog::validate);
    connect(ui->environmentCombo, &QComboBox::currentIndexChanged, this, &AccountDialog::environmentChosen);
    connect(ui->colourCombo, &QComboBox::activated, this, [this] { m_colourFollowsEnvironment = false; });
    connect(ui->revealButton, &QToolButton::toggled, this, [this](bool shown) {
        ui->tokenEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        ui->revealButton->setText(shown ? tr("Hide") : tr("Show"));
        ui->revealButton->setAccessibleName(shown ? tr("Hide token") : tr("Show token"));
    });
    connect(ui->forgetButton, &QPushButton::clicked, this, &AccountDialog::forgetToken);
    connect(ui->testButton, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_tester, &ConnectionTester::finished, this, [this](const ConnectionTester::Result &r) {
        ui->testResult->setText(r.message);
        ui->testResult->setToolTip(r.error.isNone() ? QString() : ServerText::toolTip(r.error.details()));
        validate();
    });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountDialog::apply);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    if (account.name.isEmpty())
        ui->nameEdit->setFocus();
    resize(width(), sizeHint().height());
}

AccountDialog::~AccountDialog() = default;

void AccountDialog::fillEnvironments()
{
    using Env = Account::Environment;
    QList<Env> offered{Env::Production, Env::Staging, Env::Test, Env::Custom};
    // The demo's environment is not one a user picks; a copy of the demo is a test account.
    if (m_account.environment == Env::Demo)
        offered.insert(3, Env::Demo);
    for (Env environment : offered)
        ui->environmentCombo->addItem(Account::environmentLabel(environment), static_cast<int>(environment));
}

void AccountDialog::fillColours()
{
    for (const Swatch &swatch : kSwatches) {
        const QString hex = QLatin1String(swatch.hex);
        ui->colourCombo->addItem(swatchIcon(hex), tr(swatch.name), hex);
    }
}

void AccountDialog::selectColour(const QString &colour)
{
    int index = -1;
    for (int i = 0; i < ui->colourCombo->count() && index < 0; ++i) {
        if (ui->colourCombo->itemData(i).toString().compare(colour, Qt::CaseInsensitive) == 0)
            index = i;
    }
    if (index < 0) {
        // A colour from an older version or a hand-edited file stays selectable, as it is.
        ui->colourCombo->addItem(swatchIcon(colour), tr("Other colour (%1)").arg(colour), colour.toLower());
        index = ui->colourCombo->count() - 1;
    }
    ui->colourCombo->setCurrentIndex(index);
}

void AccountDialog::environmentChosen()
{
    const auto environment = static_cast<Account::Environment>(ui->environmentCombo->currentData().toInt());
    const bool custom = environment == Account::Environment::Custom;
    ui->customEnvironmentEdit->setVisible(custom);
    ui->customEnvironmentEdit->setEnabled(custom);
    if (m_colourFollowsEnvironment)
        selectColour(Account::defaultColour(environment));
}

Account AccountDialog::account() const
{
    Account account = m_account;
    account.name = ui->nameEdit->text().trimmed();
    account.apiUrl = m_url;
    account.environment = static_cast<Account::Environment>(ui->environmentCombo->currentData().toInt());
    account.customEnvironment
        = account.environment == Account::Environment::Custom ? ui->customEnvironmentEdit->text().trimmed() : QString();
    account.colour = ui->colourCombo->currentData().toString();
    account.readOnly = ui->readOnlyCheck->isChecked();
    account.confirmEveryAction = ui->confirmEveryActionCheck->isChecked();
    account.typedConfirmationFrom = ui->typedConfirmationSpin->value();
    return account;
}

QString AccountDialog::token() const
{
    return TokenStore::clean(ui->tokenEdit->text());
}

void AccountDialog::setToken(const QString &token)
{
    ui->tokenEdit->setText(token);
    if (m_mode == Mode::Edit)
        m_initialToken = TokenStore::clean(token);
}

void AccountDialog::loadToken(const QString &fromAccountId)
{
    if (m_loader)
        return;
    m_loader = TokenStore::forAccount(fromAccountId, this);
    ui->tokenEdit->setReadOnly(true);
    ui->tokenMessage->setText(tr("Reading the token from the system keychain…"));
    auto finish = [this] {
        ui->tokenEdit->setReadOnly(false);
        m_loader->deleteLater();
        m_loader.clear();
        validate();
    };
    connect(m_loader, &TokenStore::loaded, this, [this, finish](const QString &token) {
        setToken(token);
        ui->tokenMessage->setText(tr("Kept in the system keychain, never in a file."));
        finish();
    });
    connect(m_loader, &TokenStore::failed, this, [this, finish](TokenStore::Failure, const QString &message) {
        ui->tokenMessage->setText(message);
        finish();
    });
    m_loader->load();
    validate();
}

void AccountDialog::validate()
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
    const bool valid = check.ok() && !ui->nameEdit->text().trimmed().isEmpty();
    // While the token is read or written, OK waits: it would decide on a token not yet known.
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(valid && !m_loader && !m_busy);
    ui->testButton->setEnabled(check.ok() && !token().isEmpty() && !m_tester->isRunning());
    ui->forgetButton->setEnabled(!ui->tokenEdit->text().isEmpty() && !m_loader && !m_busy);
}

void AccountDialog::testConnection()
{
    if (!m_url.isValid() || token().isEmpty())
        return;
    RequestFactory factory(m_url);
    factory.setToken(token());
    factory.setTransferTimeout(std::chrono::seconds(m_timeoutSeconds));
    m_testClient->setFactory(factory);
    ui->testResult->setText(tr("Testing…"));
    ui->testResult->setToolTip(QString());
    m_tester->start();
    validate();
}

void AccountDialog::forgetToken()
{
    ui->tokenEdit->clear();
    // A new account has no keychain entry yet, unless an OK that then failed wrote one.
    if (m_mode == Mode::Add && m_initialToken.isEmpty())
        return;
    m_busy = true;
    validate();
    auto *store = TokenStore::forAccount(m_account.id, this);
    connect(store, &TokenStore::forgotten, this, [this, store] {
        m_busy = false;
        m_initialToken.clear();
        ui->tokenMessage->setText(tr("The token was removed from the keychain."));
        store->deleteLater();
        validate();
        if (m_mode == Mode::Edit)
            Q_EMIT tokenChanged(m_account.id, QString(), false);
    });
    connect(store, &TokenStore::failed, this, [this, store](TokenStore::Failure, const QString &message) {
        m_busy = false;
        ui->tokenMessage->setText(message);
        store->deleteLater();
        validate();
    });
    store->forget();
}

void AccountDialog::showProblem(const QString &text)
{
    ui->problemLabel->setText(text);
    ui->problemLabel->setVisible(!text.isEmpty());
}

void AccountDialog::apply()
{
    if (m_busy || m_loader || !m_url.isValid())
        return;
    const Account form = account();
    // A name taken by another account is refused before anything is written, the keychain
    // included; the store checks everything again when the account is saved.
    if (const auto other = m_accounts->findByName(form.name); other && other->id != form.id) {
        showProblem(tr("Another account is already called “%1”. Choose another name.").arg(other->name));
        ui->nameEdit->setFocus();
        return;
    }
    showProblem(QString());
    const QString token = this->token();
    if (token == m_initialToken) {
        commit(token, false, false);
        return;
    }
    // The token goes to the keychain first; the account is saved once the token is safe.
    m_busy = true;
    validate();
    ui->buttonBox->setEnabled(false);
    auto *store = TokenStore::forAccount(form.id, this);
    auto done = [this, store] {
        m_busy = false;
        ui->buttonBox->setEnabled(true);
        store->deleteLater();
        validate();
    };
    connect(store, &TokenStore::saved, this, [this, token, done] {
        done();
        m_initialToken = token;
        commit(token, false, true);
    });
    connect(store, &TokenStore::forgotten, this, [this, done] {
        // An emptied token field means "do not keep it": the keychain entry is gone too.
        done();
        m_initialToken.clear();
        commit(QString(), false, true);
    });
    connect(store, &TokenStore::failed, this, [this, token, done](TokenStore::Failure kind, const QString &message) {
        done();
        if (kind == TokenStore::Failure::NoKeychain && !token.isEmpty()
            && MessageBox::ask(this, tr("No keychain available"),
                               tr("%1\n\nCampaign Manager never writes the token to a file. You can use it for this "
                                  "session only; you will be asked for it again next time.")
                                   .arg(message),
                               tr("Use for This Session Only"))) {
            commit(token, true, true);
            return;
        }
        ui->tokenMessage->setText(message);
    });
    if (token.isEmpty())
        store->forget();
    else
        store->save(token);
}

void AccountDialog::commit(const QString &token, bool sessionOnly, bool tokenChangedNow)
{
    const Account form = account();
    const QString problem = m_mode == Mode::Add ? m_accounts->add(form) : m_accounts->update(form);
    if (!problem.isEmpty()) {
        // The token may already be in the keychain under this id: the next OK finds it unchanged
        // and does not write it again.
        showProblem(problem);
        m_pendingTokenSignal = tokenChangedNow || m_pendingTokenSignal;
        return;
    }
    m_sessionOnly = sessionOnly;
    if (tokenChangedNow || m_pendingTokenSignal)
        Q_EMIT tokenChanged(form.id, token, sessionOnly);
    m_pendingTokenSignal = false;
    accept();
}

void AccountDialog::reject()
{
    if (m_mode == Mode::Add && !m_initialToken.isEmpty()) {
        // Not parented to the dialog: the removal finishes after it has gone.
        auto *store = TokenStore::forAccount(m_account.id);
        connect(store, &TokenStore::forgotten, store, &QObject::deleteLater);
        connect(store, &TokenStore::failed, store, &QObject::deleteLater);
        store->forget();
        m_initialToken.clear();
    }
    QDialog::reject();
}
