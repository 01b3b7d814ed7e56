#pragma once

// Reading the emulator back with the app's AltcraftClient, for the benchmarks' checks
// (header-only; needs cm_core).

#include "altcraftclient.h"
#include "benchsupport.h"

#include <QFile>
#include <QPointer>
#include <QSet>

#include <limits>

namespace Bench {

constexpr int kListTimeoutMs = 300000;

struct Listing {
    QList<qint64> ids;
    ApiError error;
    bool timedOut = false;
};

// Lists campaign IDs in state (all states when empty); stops asking for pages after max IDs.
inline Listing listIds(AltcraftClient *client, const QString &state,
                       qsizetype max = std::numeric_limits<qsizetype>::max())
{
    Listing result;
    CampaignFilter filter;
    filter.state = state;
    QObject context;
    QPointer<ApiCall> call;
    result.timedOut = !waitFor(kListTimeoutMs, [&](std::function<void()> done) {
        call = client->listCampaigns(
            filter, &context,
            [&](const QList<Campaign> &page) {
                for (const Campaign &c : page) {
                    if (result.ids.size() < max)
                        result.ids.append(c.id);
                }
                if (result.ids.size() >= max && call)
                    call->cancel();
            },
            [&result, done](const ApiError &error, const ListOutcome &) {
                if (error.kind() != ApiError::Kind::Cancelled)
                    result.error = error;
                done();
            });
    });
    return result;
}

// How many of ids the server lists in state; -1 (and why) when the listing failed.
inline int countInState(AltcraftClient *client, const QList<qint64> &ids, const QString &state, QString *why)
{
    const Listing all = listIds(client, state);
    if (all.timedOut || !all.error.isNone()) {
        *why = all.timedOut ? QStringLiteral("listing timed out") : all.error.message();
        return -1;
    }
    const QSet<qint64> inState(all.ids.cbegin(), all.ids.cend());
    return static_cast<int>(std::count_if(ids.cbegin(), ids.cend(), [&](qint64 id) { return inState.contains(id); }));
}

// IDs one a line; false when the file cannot be read.
inline bool readIds(const QString &path, QList<qint64> *ids)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    for (const QByteArray &line : file.readAll().split('\n')) {
        bool ok = false;
        const qint64 id = line.trimmed().toLongLong(&ok);
        if (ok)
            ids->append(id);
    }
    return true;
}

inline bool writeIds(const QString &path, const QList<qint64> &ids)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    for (qint64 id : ids)
        file.write(QByteArray::number(id) + '\n');
    return file.flush();
}

} // namespace Bench
