#include "connectiontester.h"

#include "altcraftclient.h"
#include "apimethods.h"
#include "logging.h"

ConnectionTester::ConnectionTester(AltcraftClient *client, QObject *parent) : QObject(parent), m_client(client)
{ }

ConnectionTester::~ConnectionTester()
{
    // Deleting the context ends a running call silently.
    delete m_context;
}

QString ConnectionTester::runMessage()
{
    return tr("Connected. This token can list campaigns and change their state (Run right).");
}

QString ConnectionTester::viewOnlyMessage()
{
    return tr("Connected, but this token cannot list campaigns (no Run right). "
              "It can only read the status of campaigns you add by ID.");
}

void ConnectionTester::start()
{
    // A run still going ends silently: its callbacks carry an older run number, and its
    // context goes away once control is back in the event loop (never from inside a callback).
    const quint64 run = ++m_run;
    if (m_call)
        m_call->cancel();
    m_call = nullptr;
    if (m_context)
        m_context->deleteLater();
    m_context = new QObject(this);
    m_running = true;
    m_result = Result();

    if (!m_client) {
        // Answered from the event loop like every other outcome.
        QMetaObject::invokeMethod(
            m_context,
            [this, run] {
                finish(run,
                       ApiError(ApiError::Kind::InvalidRequest)
                           .withMethod(ApiMethods::list)
                           .withDetail(QStringLiteral("no client")),
                       false);
            },
            Qt::QueuedConnection);
        return;
    }

    CampaignFilter filter;
    filter.pageSize = 1;
    // One page is proof enough: without a page limit, a full page of one means "ask for more",
    // and the client would ask for the next page the moment this one's last ID is known.
    filter.maxPages = 1;
    auto listed = std::make_shared<bool>(false);
    m_call = m_client->listCampaigns(
        filter, m_context, [listed](const QList<Campaign> &) { *listed = true; },
        [this, run, listed](const ApiError &error, const ListOutcome &) { finish(run, error, *listed); });
}

void ConnectionTester::cancel()
{
    if (!m_running)
        return;
    if (m_call) {
        m_call->cancel(); // reports Cancelled through the list callback
    } else {
        finish(m_run, ApiError(ApiError::Kind::Cancelled).withMethod(ApiMethods::list), false);
    }
}

void ConnectionTester::finish(quint64 run, const ApiError &error, bool listed)
{
    if (run != m_run || !m_running)
        return;
    m_running = false;
    m_call = nullptr;

    Result result;
    if (listed || error.isNone()) {
        // A page arrived (the Cancelled that may follow is our own stop), or an empty list.
        result.rights = Rights::Run;
        result.message = runMessage();
    } else if (error.kind() == ApiError::Kind::NoAccess) {
        result.rights = Rights::ViewOnly;
        result.message = viewOnlyMessage();
        result.error = error;
    } else {
        result.rights = Rights::None;
        result.message = error.message();
        result.error = error;
    }
    m_result = result;
    qCDebug(lcApi) << "Connection test:" << result.rights << ApiError::kindName(error.kind());
    Q_EMIT finished(result);
}
