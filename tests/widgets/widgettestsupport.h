#pragma once

// Shared by the widget tests: a MainWindow wired to the real CampaignService and AltcraftClient,
// talking over loopback to an in-process AltcraftEmulator whose campaigns the test chooses; a
// scripted ActionConfirmer; and a way to answer the next modal dialog (the idea of KeePassXC's
// TEST_MODAL: a timer that finds QApplication::activeModalWidget() while exec() is running).

#include "actionconfirmer.h"
#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignbuilder.h"
#include "campaignfilterproxy.h"
#include "campaignservice.h"
#include "campaigntablemodel.h"
#include "mainwindow.h"
#include "settings.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QItemSelectionModel>
#include <QPointer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <functional>
#include <memory>

namespace WidgetTest {

// The offscreen platform warns about size hints for every top-level window it shows; that line
// says nothing about the code under test, so it is dropped. Everything else passes through.
inline void dropOffscreenSizeHintWarnings()
{
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &text) {
        if (type == QtWarningMsg && text == QLatin1String("This plugin does not support propagateSizeHints()"))
            return;
        if (previous)
            previous(type, context, text);
    });
}

// A campaign on the emulator. Each holds one scenario of its own, so Complete's dialog has
// nested objects to count.
inline EmulatedCampaign campaign(qint64 id, EmulatedState state, const QString &name = {})
{
    CampaignBuilder builder(id);
    builder.workflows({900 + id});
    if (!name.isEmpty())
        builder.name(name);
    return builder.emulated(state);
}

// Answers every confirmation with a fixed reply and remembers what it was asked.
class ScriptedConfirmer : public ActionConfirmer
{
public:
    struct Log {
        int calls = 0;
        QList<qint64> lastIds;
        QString lastSkippedText;
        ConfirmRequest lastRequest;
    };

    ScriptedConfirmer(bool answer, std::shared_ptr<Log> log, QString reason = {})
        : m_answer(answer), m_reason(std::move(reason)), m_log(std::move(log))
    { }

    void confirm(QWidget *, const ConfirmRequest &request, Answered answered) override
    {
        ++m_log->calls;
        m_log->lastIds.clear();
        for (const Campaign &c : request.campaigns)
            m_log->lastIds.append(c.id);
        m_log->lastSkippedText = request.skippedText;
        m_log->lastRequest = request;
        answered({m_answer, m_answer ? m_reason : QString(), {}});
    }

private:
    bool m_answer;
    QString m_reason;
    std::shared_ptr<Log> m_log;
};

// Runs handler on the next modal widget of type T, once one is open: polls every 20 ms for up
// to timeoutMs. The returned flag says whether the handler ran (check it after exec() returned).
template<typename T>
std::shared_ptr<bool> onNextModal(std::function<void(T *)> handler, int timeoutMs = 15000)
{
    auto ran = std::make_shared<bool>(false);
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    auto deadline = std::make_shared<QDeadlineTimer>(timeoutMs);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handler, ran, deadline] {
        if (auto *modal = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            *ran = true;
            handler(modal);
        } else if (deadline->hasExpired()) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
    return ran;
}

// One MainWindow against one emulator. States are set explicitly through store().upsert().
class Harness
{
public:
    QTemporaryDir dir;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AltcraftEmulator> emulator;
    std::unique_ptr<AltcraftClient> client;
    std::unique_ptr<CampaignService> service;
    std::unique_ptr<MainWindow> window;

    // Returns false (with the reason in QTest's log) when the window could not be set up.
    bool start(const QList<EmulatedCampaign> &campaigns, bool load = true)
    {
        if (!dir.isValid())
            return false;
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("campaign-manager.ini")));
        settings->setValue(Settings::Key::AutoRefreshSeconds, 0);
        emulator = std::make_unique<AltcraftEmulator>();
        emulator->store().reset({});
        for (const EmulatedCampaign &c : campaigns)
            emulator->store().upsert(c);
        if (emulator->start() == 0)
            return false;
        client = std::make_unique<AltcraftClient>();
        RequestFactory factory(emulator->baseUrl());
        factory.setToken(ApiTokenGrant::defaultFullToken());
        factory.setTransferTimeout(std::chrono::seconds(20));
        client->setFactory(factory);
        service = std::make_unique<CampaignService>(client.get(), settings.get());
        window = std::make_unique<MainWindow>(service.get(), settings.get());
        window->resize(1100, 900);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        if (!load)
            return true;
        service->reload();
        return QTest::qWaitFor([&] { return !service->isLoading() && model()->rowCount() == campaigns.size(); }, 20000);
    }

    ~Harness()
    {
        // The window first: it refers to the service, which refers to the client.
        window.reset();
        service.reset();
        client.reset();
        emulator.reset();
    }

    CampaignTableModel *model() const { return service->model(); }
    QTableView *table() const { return window->findChild<QTableView *>(QStringLiteral("campaignTable")); }
    QAction *action(const char *name) const { return window->findChild<QAction *>(QLatin1String(name)); }
    QToolButton *toolButton(const char *actionName) const
    {
        auto *bar = window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        return bar ? qobject_cast<QToolButton *>(bar->widgetForAction(action(actionName))) : nullptr;
    }
    QToolButton *undoButton() const
    {
        for (QToolButton *b : window->findChildren<QToolButton *>()) {
            if (b->accessibleName() == QLatin1String("Undo deactivation"))
                return b;
        }
        return nullptr;
    }

    QModelIndex proxyIndex(qint64 id, int column = CampaignTableModel::IdColumn) const
    {
        const int row = model()->rowOf(id);
        if (row < 0)
            return {};
        return window->proxy()->mapFromSource(model()->index(row, column));
    }
    QString statusText(qint64 id) const { return proxyIndex(id, CampaignTableModel::StatusColumn).data().toString(); }
    CampaignStatus status(qint64 id) const
    {
        const Campaign *c = model()->campaign(id);
        return c ? c->status : CampaignStatus::Unknown;
    }

    // Selects the rows as a user does: a click on the first, Ctrl+click on the others.
    void clickSelect(const QList<qint64> &ids) const
    {
        QTableView *view = table();
        view->clearSelection();
        bool first = true;
        for (qint64 id : ids) {
            const QModelIndex index = proxyIndex(id, CampaignTableModel::NameColumn);
            view->scrollTo(index);
            const QPoint at = view->visualRect(index).center();
            QTest::mouseClick(view->viewport(), Qt::LeftButton, first ? Qt::NoModifier : Qt::ControlModifier, at);
            first = false;
        }
    }

    // The IDs of the requests the emulator received for one API method, in arrival order.
    QList<qint64> requestIds(const QString &apiMethod) const
    {
        QList<qint64> ids;
        for (const RecordedRequest &r : emulator->requests()) {
            if (r.apiMethod() == apiMethod)
                ids.append(r.campaignId());
        }
        return ids;
    }
};

inline QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace WidgetTest
