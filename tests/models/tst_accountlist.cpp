// AccountListModel: what the toolbar's switcher and Settings' Accounts page list, under
// QAbstractItemModelTester, following a real AccountStore over a real settings file.

#include "accountlistmodel.h"
#include "accountstore.h"
#include "settings.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestAccountList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void switcherListsTheDemoOrTheSavedAccountsNeverBoth();
    void rowsFollowTheStore();
    void rowSaysNameEnvironmentColourAndAddress();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AccountStore> m_store;
};

void TestAccountList::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_store = std::make_unique<AccountStore>(m_settings.get());
    m_store->setDemoUrl(QUrl(QStringLiteral("http://127.0.0.1:4567/")));
    QCOMPARE(m_store->add(Account::create(QStringLiteral("Client A"), QUrl(QStringLiteral("https://a.example/")))),
             QString());
}

void TestAccountList::switcherListsTheDemoOrTheSavedAccountsNeverBoth()
{
    AccountListModel demo(m_store.get(), AccountListModel::Show::DemoOnly);
    AccountListModel saved(m_store.get(), AccountListModel::Show::SavedOnly);
    AccountListModel all(m_store.get(), AccountListModel::Show::All);
    QAbstractItemModelTester t1(&demo, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&saved, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&all, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(demo.rowCount(), 2);
    QCOMPARE(demo.accountAt(0).id, QString(Account::kDemoId));
    QCOMPARE(demo.accountAt(1).id, QString(Account::kSecondDemoId));
    QCOMPARE(saved.rowCount(), 1);
    QCOMPARE(saved.accountAt(0).name, QStringLiteral("Client A"));
    QCOMPARE(all.rowCount(), 3);
    QCOMPARE(all.rowOf(saved.accountAt(0).id), 2);
    QCOMPARE(all.rowOf(QStringLiteral("no-such-id")), -1);
}

void TestAccountList::rowsFollowTheStore()
{
    AccountListModel saved(m_store.get(), AccountListModel::Show::SavedOnly);
    QAbstractItemModelTester tester(&saved, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Account b = Account::create(QStringLiteral("Client B"), QUrl(QStringLiteral("https://b.example/")));
    QCOMPARE(m_store->add(b), QString());
    QCOMPARE(saved.rowCount(), 2);
    QCOMPARE(saved.rowOf(b.id), 1);
    Account renamed = b;
    renamed.name = QStringLiteral("Client B (EU)");
    QCOMPARE(m_store->update(renamed), QString());
    QCOMPARE(saved.accountAt(1).name, QStringLiteral("Client B (EU)"));
    QCOMPARE(m_store->remove(b.id), QString());
    QCOMPARE(saved.rowCount(), 1);
    QCOMPARE(saved.rowOf(b.id), -1);
}

void TestAccountList::rowSaysNameEnvironmentColourAndAddress()
{
    Account staging
        = Account::create(QStringLiteral("Shop <b>staging</b>"), QUrl(QStringLiteral("https://s.example/")));
    staging.environment = Account::Environment::Staging;
    staging.colour = QStringLiteral("#123456");
    QCOMPARE(m_store->add(staging), QString());
    AccountListModel saved(m_store.get(), AccountListModel::Show::SavedOnly);
    const QModelIndex index = saved.index(saved.rowOf(staging.id));
    QCOMPARE(index.data().toString(), QStringLiteral("Shop <b>staging</b> — Staging"));
    QCOMPARE(index.data(AccountListModel::EnvironmentRole).toString(), QStringLiteral("Staging"));
    QCOMPARE(index.data(AccountListModel::ColourRole).value<QColor>(), QColor(QStringLiteral("#123456")));
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), QStringLiteral("https://s.example/"));
    QCOMPARE(index.data(AccountListModel::IdRole).toString(), staging.id);
    QCOMPARE(index.data(AccountListModel::AccountRole).value<Account>(), staging);
    const QIcon swatch = index.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!swatch.isNull());
    QCOMPARE(swatch.pixmap(16, 16).toImage().pixelColor(8, 8), QColor(QStringLiteral("#123456")));
}

QTEST_MAIN(TestAccountList)
#include "tst_accountlist.moc"
