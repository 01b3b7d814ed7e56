#include "settingsdialog.h"

#include "account.h"
#include "accountdialog.h"
#include "accountlistmodel.h"
#include "accountstore.h"
#include "altcraftclient.h"
#include "connectiontester.h"
#include "messagebox.h"
#include "servertext.h"
#include "settings.h"
#include "tokenstore.h"
#include "ui_settingsdialog.h"

#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QPushButton>
#include <QSystemTrayIcon>

SettingsDialog::SettingsDialog(Settings *settings, AccountStore *accounts, QNetworkAccessManager *network,
                               QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings), m_accounts(accounts),
      m_network(network), m_model(new AccountListModel(accounts, AccountListModel::Show::All, this)),
      m_testClient(new AltcraftClient(network, this)), m_tester(new ConnectionTester(m_testClient, this))
{
    ui->setupUi(this);
    ui->timeoutSpin->setValue(m_settings->requestTimeoutSeconds());
    ui->parallelSpin->setValue(m_settings->concurrency());
    ui->refreshSpin->setValue(m_settings->autoRefreshSeconds() / 60);
    ui->watchIntervalSpin->setValue(m_settings->value(Settings::Key::WatchIntervalSeconds).toInt());
    ui->accountCheckSpin->setValue(m_settings->value(Settings::Key::AccountCheckMinutes).toInt());
    ui->cloningSpin->setValue(m_settings->value(Settings::Key::StuckCloningMinutes).toInt());
    ui->notificationsCheck->setChecked(m_settings->value(Settings::Key::DesktopNotifications).toBool());
    ui->trayCheck->setChecked(m_settings->value(Settings::Key::TrayIcon).toBool());
    // No tray to keep watching in: the choice would only lose the window.
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        ui->trayCheck->setEnabled(false);
        ui->trayCheck->setToolTip(tr("This desktop has no system tray."));
    }
    ui->languageCombo->addItem(tr("System default"), QString());
    ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    ui->languageCombo->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    ui->languageCombo->setCurrentIndex(
        std::max(0, ui->languageCombo->findData(m_settings->value(Settings::Key::Language).toString())));

    ui->accountList->setModel(m_model);
    // The store resets the model on every change: the same account stays selected.
    auto keptId = std::make_shared<QString>();
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this, keptId] { *keptId = selectedId(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, keptId] { select(*keptId); });
    connect(ui->accountList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SettingsDialog::selectionChanged);
    // Double-click and Enter both edit; a built-in account just stays selected. Enter is taken
    // by eventFilter: the list lets it through, and the dialog would take it for OK.
    ui->accountList->installEventFilter(this);
    connect(ui->accountList, &QAbstractItemView::doubleClicked, this, [this] { editAccount(selectedId()); });
    connect(ui->addButton, &QPushButton::clicked, this, [this] { addAccount(); });
    connect(ui->editButton, &QPushButton::clicked, this, [this] { editAccount(selectedId()); });
    connect(ui->duplicateButton, &QPushButton::clicked, this, &SettingsDialog::duplicateSelected);
    connect(ui->removeButton, &QPushButton::clicked, this, &SettingsDialog::removeSelected);
    connect(ui->accountTestButton, &QPushButton::clicked, this, &SettingsDialog::testSelected);
    connect(m_tester, &ConnectionTester::finished, this, [this](const ConnectionTester::Result &r) {
        if (!m_testedId.isEmpty() && m_testedId == selectedId()) {
            ui->accountTestResult->setText(r.message);
            ui->accountTestResult->setToolTip(r.error.isNone() ? QString() : ServerText::toolTip(r.error.details()));
        }
        updateButtons();
    });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::apply);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The account in use first, so that Edit… is one click away.
    select(m_accounts->current().id);
    updateButtons();
    ui->accountList->setFocus();
}

SettingsDialog::~SettingsDialog() = default;

bool SettingsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == ui->accountList && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            editAccount(selectedId());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SettingsDialog::setNotice(const QString &text)
{
    ui->noticeLabel->setText(text);
    ui->noticeLabel->setVisible(!text.isEmpty());
}

void SettingsDialog::setSessionToken(const QString &accountId, const QString &token)
{
    const QString clean = TokenStore::clean(token);
    if (clean.isEmpty())
        m_sessionTokens.remove(accountId);
    else
        m_sessionTokens.insert(accountId, clean);
}

QString SettingsDialog::selectedId() const
{
    const QModelIndex current = ui->accountList->currentIndex();
    return current.isValid() ? current.data(AccountListModel::IdRole).toString() : QString();
}

void SettingsDialog::select(const QString &accountId)
{
    const int row = accountId.isEmpty() ? -1 : m_model->rowOf(accountId);
    if (row < 0) {
        ui->accountList->setCurrentIndex(m_model->rowCount() > 0 ? m_model->index(0) : QModelIndex());
        return;
    }
    ui->accountList->setCurrentIndex(m_model->index(row));
}

void SettingsDialog::selectionChanged()
{
    if (selectedId() != m_testedId) {
        // A result, or a test still running, belongs to the account it was made for.
        m_testedId.clear();
        if (m_tester->isRunning())
            m_tester->cancel();
        ui->accountTestResult->clear();
        ui->accountTestResult->setToolTip(QString());
    }
    updateButtons();
}

void SettingsDialog::updateButtons()
{
    const QString id = selectedId();
    const std::optional<Account> account = id.isEmpty() ? std::nullopt : m_accounts->find(id);
    const bool saved = account && !account->isDemo();
    ui->editButton->setEnabled(saved);
    ui->duplicateButton->setEnabled(saved);
    ui->removeButton->setEnabled(saved);
    ui->accountTestButton->setEnabled(account && !m_tester->isRunning() && !m_tokenReader);
    if (account && account->isDemo())
        ui->builtInNote->setText(
            tr("“%1” is built in: it cannot be edited, duplicated or removed. Add an account to connect to your "
               "Altcraft.")
                .arg(account->name));
    ui->builtInNote->setVisible(account && account->isDemo());
}

void SettingsDialog::openEditor(AccountDialog *dialog)
{
    m_editor = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRequestTimeout(ui->timeoutSpin->value());
    connect(dialog, &AccountDialog::tokenChanged, this,
            [this](const QString &accountId, const QString &token, bool sessionOnly) {
                setSessionToken(accountId, token);
                Q_EMIT tokenChanged(accountId, token, sessionOnly);
            });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        select(dialog->account().id);
        ui->accountMessage->clear();
    });
    // open(), not exec(): this is often reached from a keychain callback, and a nested event loop
    // there starves the keychain's own next answer.
    dialog->open();
}

void SettingsDialog::editAccount(const QString &accountId)
{
    // One editor at a time; a closed one may wait for its deletion.
    if (m_editor && m_editor->isVisible()) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    const std::optional<Account> account = m_accounts->find(accountId);
    if (!account || account->isDemo())
        return;
    select(accountId);
    auto *dialog = new AccountDialog(m_accounts, m_network, *account, AccountDialog::Mode::Edit, this);
    if (m_sessionTokens.contains(accountId))
        dialog->setToken(m_sessionTokens.value(accountId));
    else
        dialog->loadToken(accountId);
    openEditor(dialog);
}

void SettingsDialog::addAccount(const QUrl &prefilledUrl)
{
    // One editor at a time; a closed one may wait for its deletion.
    if (m_editor && m_editor->isVisible()) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    // Named after its host when the address is known; the user can rename it.
    const QString name = prefilledUrl.host().isEmpty() ? QString() : m_accounts->uniqueName(prefilledUrl.host());
    const Account account = Account::create(name, prefilledUrl);
    openEditor(new AccountDialog(m_accounts, m_network, account, AccountDialog::Mode::Add, this));
}

void SettingsDialog::duplicateSelected()
{
    // One editor at a time; a closed one may wait for its deletion.
    if (m_editor && m_editor->isVisible()) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    const std::optional<Account> source = m_accounts->find(selectedId());
    if (!source || source->isDemo())
        return;
    auto *dialog
        = new AccountDialog(m_accounts, m_network, m_accounts->duplicateOf(*source), AccountDialog::Mode::Add, this);
    // The copy starts with the source's token, stored under the copy's own id on OK.
    if (m_sessionTokens.contains(source->id))
        dialog->setToken(m_sessionTokens.value(source->id));
    else
        dialog->loadToken(source->id);
    openEditor(dialog);
}

void SettingsDialog::removeSelected()
{
    const std::optional<Account> account = m_accounts->find(selectedId());
    if (!account || account->isDemo())
        return;
    if (!MessageBox::ask(this, tr("Remove Account"),
                         tr("Remove the account “%1”?\n\nIts API token is deleted from the system keychain. History "
                            "keeps the rows of the actions done in it.")
                             .arg(account->name),
                         tr("Remove")))
        return;
    const QString problem = m_accounts->remove(account->id);
    if (!problem.isEmpty()) {
        ui->accountMessage->setText(problem);
        return;
    }
    m_sessionTokens.remove(account->id);
    const QString name = account->name;
    ui->accountMessage->setText(tr("“%1” was removed. Deleting its token from the system keychain…").arg(name));
    auto *store = TokenStore::forAccount(account->id, this);
    connect(store, &TokenStore::forgotten, this, [this, store, name] {
        ui->accountMessage->setText(tr("“%1” was removed, and its token deleted from the system keychain.").arg(name));
        store->deleteLater();
    });
    connect(store, &TokenStore::failed, this, [this, store, name](TokenStore::Failure, const QString &message) {
        ui->accountMessage->setText(
            tr("“%1” was removed, but its token could not be deleted from the system keychain: %2").arg(name, message));
        store->deleteLater();
    });
    store->forget();
}

void SettingsDialog::testSelected()
{
    const std::optional<Account> account = m_accounts->find(selectedId());
    if (!account || m_tester->isRunning() || m_tokenReader)
        return;
    m_testedId = account->id;
    if (m_sessionTokens.contains(account->id)) {
        startTest(*account, m_sessionTokens.value(account->id));
        return;
    }
    // The token is read from the account's keychain entry just for this test.
    m_tokenReader = TokenStore::forAccount(account->id, this);
    ui->accountTestResult->setText(tr("Reading the token from the system keychain…"));
    ui->accountTestButton->setEnabled(false);
    Account tested = *account; // a copy: the lambda outlives the optional
    connect(m_tokenReader, &TokenStore::loaded, this, [this, tested](const QString &token) {
        m_tokenReader->deleteLater();
        m_tokenReader.clear();
        if (m_testedId == tested.id)
            startTest(tested, token);
        updateButtons();
    });
    connect(m_tokenReader, &TokenStore::failed, this, [this, tested](TokenStore::Failure, const QString &message) {
        m_tokenReader->deleteLater();
        m_tokenReader.clear();
        if (m_testedId == tested.id)
            ui->accountTestResult->setText(message);
        updateButtons();
    });
    m_tokenReader->load();
}

void SettingsDialog::startTest(const Account &account, const QString &token)
{
    if (!account.apiUrl.isValid()) {
        ui->accountTestResult->setText(tr("“%1” has no API address to test.").arg(account.name));
        return;
    }
    if (token.isEmpty()) {
        ui->accountTestResult->setText(
            tr("No token is saved for “%1”. Edit the account to enter one.").arg(account.name));
        return;
    }
    RequestFactory factory(account.apiUrl);
    factory.setToken(token);
    factory.setTransferTimeout(std::chrono::seconds(ui->timeoutSpin->value()));
    m_testClient->setFactory(factory);
    ui->accountTestResult->setText(tr("Testing…"));
    ui->accountTestResult->setToolTip(QString());
    m_tester->start();
    ui->accountTestButton->setEnabled(false);
}

void SettingsDialog::apply()
{
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, ui->timeoutSpin->value());
    m_settings->setValue(Settings::Key::Concurrency, ui->parallelSpin->value());
    m_settings->setValue(Settings::Key::AutoRefreshSeconds, ui->refreshSpin->value() * 60);
    m_settings->setValue(Settings::Key::WatchIntervalSeconds, ui->watchIntervalSpin->value());
    m_settings->setValue(Settings::Key::AccountCheckMinutes, ui->accountCheckSpin->value());
    m_settings->setValue(Settings::Key::StuckCloningMinutes, ui->cloningSpin->value());
    m_settings->setValue(Settings::Key::DesktopNotifications, ui->notificationsCheck->isChecked());
    m_settings->setValue(Settings::Key::TrayIcon, ui->trayCheck->isChecked() && ui->trayCheck->isEnabled());
    m_settings->setValue(Settings::Key::Language, ui->languageCombo->currentData().toString());
    accept();
}
