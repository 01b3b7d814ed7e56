// Translations and accessibility: the Russian translation really changes the UI and has correct
// plural forms; every action and button in every window and dialog has a name a screen reader
// can read; every input control has an accessible name; the desktop files validate.
#include "accountdialog.h"
#include "accountstore.h"
#include "addbyiddialog.h"
#include "altcraftclient.h"
#include "bulkresultsdialog.h"
#include "campaignbuilder.h"
#include "campaignservice.h"
#include "confirmactiondialog.h"
#include "historywindow.h"
#include "incidentpausedialog.h"
#include "journal.h"
#include "journalrecorder.h"
#include "localization.h"
#include "mainwindow.h"
#include "restoresnapshotdialog.h"
#include "settings.h"
#include "settingsdialog.h"
#include "welcomedialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestI18nA11y : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Localization m_localization;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AccountStore> m_accounts;
    QNetworkAccessManager m_network;
    std::unique_ptr<AltcraftClient> m_client;
    std::unique_ptr<CampaignService> m_service;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<JournalRecorder> m_recorder;

    QList<QWidget *> everyWindow(std::vector<std::unique_ptr<QWidget>> &keep)
    {
        const Campaign c = CampaignBuilder(7).name(QStringLiteral("Seasonal sale")).client(CampaignStatus::Active);
        keep.push_back(std::make_unique<MainWindow>(m_service.get(), m_settings.get()));
        ConfirmRequest request;
        request.campaigns = {c, c};
        request.skippedText = QStringLiteral("1 skipped");
        request.accountName = QStringLiteral("Client A");
        request.accountEnvironment = QStringLiteral("Production");
        request.typeCount = true;
        keep.push_back(std::make_unique<ConfirmActionDialog>(request));
        keep.push_back(std::make_unique<AddByIdDialog>());
        keep.push_back(
            std::make_unique<BulkResultsDialog>(QStringLiteral("1 deactivated"), QList<BulkItemResult>{}, nullptr));
        keep.push_back(std::make_unique<SettingsDialog>(m_settings.get(), m_accounts.get(), &m_network));
        keep.push_back(std::make_unique<AccountDialog>(
            m_accounts.get(), &m_network,
            Account::create(QStringLiteral("Client A"), QUrl(QStringLiteral("https://a.example/"))),
            AccountDialog::Mode::Add));
        keep.push_back(std::make_unique<WelcomeDialog>());
        keep.push_back(std::make_unique<HistoryWindow>(m_journal.get(), m_recorder.get(), m_settings.get()));
        IncidentPauseRequest pause;
        pause.accountName = QStringLiteral("Client A");
        pause.accountEnvironment = QStringLiteral("Production");
        pause.campaigns = {c};
        keep.push_back(std::make_unique<IncidentPauseDialog>(pause));
        IncidentSnapshot snapshot;
        snapshot.takenAt = QDateTime::currentDateTimeUtc();
        snapshot.account = {QStringLiteral("a"), QStringLiteral("Client A")};
        snapshot.items.append({7, QStringLiteral("Seasonal sale"), CampaignStatus::Active, true, {}, {}});
        keep.push_back(std::make_unique<RestoreSnapshotDialog>(QList<IncidentSnapshot>{snapshot}));
        IncidentSnapshot unchanged = snapshot;
        unchanged.items.first().updatedAfter = snapshot.takenAt;
        Campaign now = c;
        now.setStatus(CampaignStatus::Inactive);
        now.updated = snapshot.takenAt;
        keep.push_back(
            std::make_unique<RestoreReportDialog>(unchanged, SnapshotRestorePlan::classify(unchanged, {{7, now}})));
        QList<QWidget *> windows;
        for (auto &w : keep)
            windows << w.get();
        return windows;
    }

    static QString accessibleName(QWidget *w)
    {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        return iface ? iface->text(QAccessible::Name) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_accounts = std::make_unique<AccountStore>(m_settings.get());
        m_client = std::make_unique<AltcraftClient>();
        m_service = std::make_unique<CampaignService>(m_client.get(), m_settings.get());
        m_journal = std::make_unique<Journal>();
        QVERIFY(m_journal->open(m_dir.filePath(QStringLiteral("journal.sqlite"))));
        m_recorder = std::make_unique<JournalRecorder>(m_journal.get(), m_service.get());
    }

    void cleanup() { m_localization.install(QStringLiteral("en")); }

    void russianTranslationChangesMainWindowActions()
    {
        m_localization.install(QStringLiteral("en"));
        MainWindow english(m_service.get(), m_settings.get());
        const QString englishText = english.findChild<QAction *>(QStringLiteral("actionDeactivate"))->text();
        QCOMPARE(englishText, QStringLiteral("&Deactivate"));

        QCOMPARE(m_localization.install(QStringLiteral("ru")), QStringLiteral("ru"));
        MainWindow russian(m_service.get(), m_settings.get());
        for (const char *name : {"actionDeactivate", "actionActivate", "actionComplete", "actionRefresh"}) {
            auto *action = russian.findChild<QAction *>(QLatin1String(name));
            QVERIFY2(action, name);
            auto *same = english.findChild<QAction *>(QLatin1String(name));
            QVERIFY2(action->text() != same->text(), name);
            const bool cyrillic = std::any_of(action->text().cbegin(), action->text().cend(),
                                              [](QChar ch) { return ch.script() == QChar::Script_Cyrillic; });
            QVERIFY2(cyrillic, qPrintable(action->text()));
        }
        QCOMPARE(russian.findChild<QAction *>(QStringLiteral("actionDeactivate"))->text().remove(QLatin1Char('&')),
                 QStringLiteral("Деактивировать"));
    }

    void russianPluralForms_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1") << 1 << QStringLiteral("1 кампания");
        QTest::newRow("2") << 2 << QStringLiteral("2 кампании");
        QTest::newRow("5") << 5 << QStringLiteral("5 кампаний");
        QTest::newRow("21") << 21 << QStringLiteral("21 кампания");
        QTest::newRow("11") << 11 << QStringLiteral("11 кампаний");
        QTest::newRow("22") << 22 << QStringLiteral("22 кампании");
    }

    void russianPluralForms()
    {
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(m_localization.install(QStringLiteral("ru")), QStringLiteral("ru"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n campaign(s)", nullptr, n), expected);
    }

    void englishPluralForms()
    {
        m_localization.install(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n campaign(s)", nullptr, 1), QStringLiteral("1 campaign"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n campaign(s)", nullptr, 2),
                 QStringLiteral("2 campaigns"));
    }

    // LANG=C, POSIX or a language we do not ship: English with real plural forms, never "(s)".
    void localesWithoutATranslationGetEnglishPlurals_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("C") << QStringLiteral("C");
        QTest::newRow("de_DE") << QStringLiteral("de_DE");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR");
        QTest::newRow("en_GB") << QStringLiteral("en_GB");
    }

    void localesWithoutATranslationGetEnglishPlurals()
    {
        QFETCH(QString, language);
        QCOMPARE(m_localization.install(language), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n campaign(s)", nullptr, 120),
                 QStringLiteral("120 campaigns"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n campaign(s)", nullptr, 1), QStringLiteral("1 campaign"));
        // Qt's own buttons stay English too: no dialog mixes two languages.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    // The translators belong to the Localization object: gone with it, and never deleted twice
    // (the 0.1.0 start-up crash).
    void translatorsLiveAndDieWithTheirOwner()
    {
        {
            Localization scoped;
            QCOMPARE(scoped.install(QStringLiteral("ru")), QStringLiteral("ru"));
            QCOMPARE(QCoreApplication::translate("MainWindow", "%n campaign(s)", nullptr, 5),
                     QStringLiteral("5 кампаний"));
            QCOMPARE(scoped.install(QStringLiteral("ru")), QStringLiteral("ru")); // re-install replaces
        }
        m_localization.install(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n campaign(s)", nullptr, 5),
                 QStringLiteral("5 campaigns"));
    }

    // Alt+letter in an open menu must reach one item: two items with the same letter make the
    // second unreachable by keyboard (Qt cycles between them, and a screen reader announces both).
    void menuMnemonicsAreDistinct_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ru") << QStringLiteral("ru");
    }

    void menuMnemonicsAreDistinct()
    {
        QFETCH(QString, language);
        QCOMPARE(m_localization.install(language), language);
        MainWindow window(m_service.get(), m_settings.get());
        auto mnemonic = [](const QString &text) -> QChar {
            for (qsizetype i = text.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < text.size();
                 i = text.indexOf(QLatin1Char('&'), i + 2)) {
                if (text.at(i + 1) != QLatin1Char('&'))
                    return text.at(i + 1).toLower();
            }
            return {};
        };
        int menus = 0;
        QList<QMenu *> all = window.findChildren<QMenu *>();
        QVERIFY(window.menuBar());
        QHash<QChar, QString> top;
        for (QAction *a : window.menuBar()->actions()) {
            const QChar m = mnemonic(a->text());
            QVERIFY2(!m.isNull(), qPrintable(a->text() + QStringLiteral(" has no mnemonic")));
            QVERIFY2(!top.contains(m),
                     qPrintable(QStringLiteral("%1 and %2 share Alt+%3").arg(top.value(m), a->text(), m)));
            top.insert(m, a->text());
        }
        for (QMenu *menu : all) {
            QHash<QChar, QString> seen;
            ++menus;
            for (QAction *a : menu->actions()) {
                const QChar m = mnemonic(a->text());
                if (a->isSeparator() || m.isNull())
                    continue;
                QVERIFY2(!seen.contains(m),
                         qPrintable(QStringLiteral("in %1: %2 and %3 share the letter %4")
                                        .arg(menu->title(), seen.value(m), a->text(), m)));
                seen.insert(m, a->text());
            }
        }
        QVERIFY(menus >= 4);
    }

    void qtStandardButtonsAreTranslated()
    {
        QCOMPARE(m_localization.install(QStringLiteral("ru")), QStringLiteral("ru"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Отмена"));
    }

    void everyActionAndButtonHasAName()
    {
        std::vector<std::unique_ptr<QWidget>> keep;
        int checked = 0;
        for (QWidget *window : everyWindow(keep)) {
            for (QAction *a : window->findChildren<QAction *>()) {
                if (a->isSeparator() || a->objectName().startsWith(QLatin1String("qt_"))
                    || a->objectName().startsWith(QLatin1String("_q_")))
                    continue;
                ++checked;
                QVERIFY2(!a->text().remove(QLatin1Char('&')).trimmed().isEmpty(),
                         qPrintable(QStringLiteral("%1: action %2 has no text")
                                        .arg(QString::fromLatin1(window->metaObject()->className()), a->objectName())));
            }
            for (QAbstractButton *b : window->findChildren<QAbstractButton *>()) {
                if (b->objectName().startsWith(QLatin1String("qt_")))
                    continue; // Qt's own internals (e.g. the line edit clear button)
                ++checked;
                auto *tool = qobject_cast<QToolButton *>(b);
                const bool named = !b->text().isEmpty() || !b->accessibleName().isEmpty()
                    || (tool && tool->defaultAction() && !tool->defaultAction()->text().isEmpty());
                QVERIFY2(named,
                         qPrintable(QStringLiteral("%1: button %2 (%3) has no name")
                                        .arg(QString::fromLatin1(window->metaObject()->className()), b->objectName(),
                                             QString::fromLatin1(b->metaObject()->className()))));
            }
        }
        QVERIFY2(checked > 30, "too few controls were checked for the test to mean anything");
    }

    void everyInputControlHasAnAccessibleName()
    {
        std::vector<std::unique_ptr<QWidget>> keep;
        int checked = 0;
        for (QWidget *window : everyWindow(keep)) {
            QList<QWidget *> inputs;
            for (QWidget *w : window->findChildren<QWidget *>()) {
                if (w->objectName().isEmpty() || w->objectName().startsWith(QLatin1String("qt_")))
                    continue;
                if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
                    || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w))
                    inputs << w;
            }
            for (QWidget *w : inputs) {
                if (qobject_cast<QLineEdit *>(w) && qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
                    continue; // a spin box's inner line edit is named by the spin box
                ++checked;
                QVERIFY2(!accessibleName(w).isEmpty(),
                         qPrintable(QStringLiteral("%1: %2 has no accessible name")
                                        .arg(QString::fromLatin1(window->metaObject()->className()), w->objectName())));
            }
        }
        QVERIFY2(checked >= 19, "too few input controls were checked");
    }

    void statusIsTextNotOnlyColour()
    {
        const Campaign c = CampaignBuilder(42).name(QStringLiteral("Seasonal sale")).client(CampaignStatus::Waiting);
        m_service->model()->upsert({c});
        MainWindow window(m_service.get(), m_settings.get());
        auto *table = window.findChild<QAbstractItemView *>(QStringLiteral("campaignTable"));
        QVERIFY(table);
        const QModelIndex status = table->model()->index(0, CampaignTableModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("Awaiting activation"));
        QCOMPARE(status.data(CampaignTableModel::AccessibleRole).toString(),
                 QStringLiteral("Campaign 42, Seasonal sale, Awaiting activation"));
        m_service->model()->clear();
    }

    void desktopFilesValidate_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QStringList>("arguments");
        const QString resources = QStringLiteral(CM_RESOURCES_DIR);
        QTest::newRow("desktop-file-validate")
            << QStringLiteral("desktop-file-validate")
            << QStringList{resources + QStringLiteral("/org.campaignmanager.CampaignManager.desktop")};
        QTest::newRow("appstreamcli")
            << QStringLiteral("appstreamcli")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--no-net"),
                           resources + QStringLiteral("/org.campaignmanager.CampaignManager.metainfo.xml")};
    }

    void desktopFilesValidate()
    {
        QFETCH(QString, tool);
        QFETCH(QStringList, arguments);
        QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                 qPrintable(tool + QStringLiteral(" is missing: scripts/setup installs it")));
        QProcess p;
        p.start(tool, arguments);
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                 qPrintable(QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())));
    }
};

QTEST_MAIN(TestI18nA11y)
#include "tst_i18n_a11y.moc"
