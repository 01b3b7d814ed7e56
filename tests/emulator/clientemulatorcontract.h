#pragma once

// The contract between the client and its test oracle, checked over loopback HTTP through the
// real AltcraftClient: every state the emulator can hold must read as a known status on the
// client, the client's list filter must select it, and every action of the client's table
// (CampaignActions: allows, reaches, apiMethod) must be accepted and refused by the emulator
// exactly where the table says, leading where the table says.
//
// check() returns the disagreements as sentences, empty when the two sides agree. Tests run it
// against the emulator as it is (expecting agreement) and against an emulator with one rule or
// spelling bent on purpose (expecting that very disagreement), so a rule changed on one side
// only turns the suite red, and the check is seen to be able to say so.

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignactions.h"
#include "campaignbuilder.h"
#include "requestfactory.h"

#include <QEventLoop>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace ClientEmulatorContract {

constexpr int kWaitMs = 10000;

inline QString stateName(EmulatedState state)
{
    return StateSpelling::documentedName(state); // for the sentences only: never compared
}

inline QString actionName(CampaignAction action)
{
    return CampaignActions::apiMethod(action);
}

inline QString statusNames(const QList<CampaignStatus> &statuses)
{
    QStringList names;
    for (CampaignStatus s : statuses)
        names.append(CampaignStatuses::toApiString(s));
    return names.join(QStringLiteral(" or "));
}

// Runs one client call to its end: an event loop that its callback quits. nullopt when it
// never called back.
template<typename T, typename Start>
std::optional<ApiResult<T>> await(Start start)
{
    std::optional<ApiResult<T>> result;
    QEventLoop loop;
    QTimer::singleShot(kWaitMs, &loop, &QEventLoop::quit);
    QObject context;
    start(&context, [&result, &loop](const ApiResult<T> &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return result;
}

inline std::optional<CampaignStatus> readStatus(AltcraftClient &client, qint64 id, QStringList &problems)
{
    const auto r = await<CampaignStatus>(
        [&](QObject *context, const ApiCallback<CampaignStatus> &done) { client.status(id, context, done); });
    if (!r) {
        problems.append(QStringLiteral("get_status for campaign %1 never finished").arg(id));
        return std::nullopt;
    }
    if (!r->ok()) {
        problems.append(QStringLiteral("get_status for campaign %1 failed: %2").arg(id).arg(r->error.details()));
        return std::nullopt;
    }
    return r->value;
}

// Every state the emulator holds must be a known status to the client, read alike by
// get_status, get and list; and the client's spelling of that status must select it in a list.
inline void checkStates(AltcraftEmulator &emulator, AltcraftClient &client, QHash<EmulatedState, CampaignStatus> &seen,
                        QStringList &problems)
{
    emulator.store().reset({});
    const QList<EmulatedState> states = EmulatedStates::all();
    for (qsizetype i = 0; i < states.size(); ++i)
        emulator.store().upsert(emulatedCampaign(i + 1, states.at(i)));
    for (qsizetype i = 0; i < states.size(); ++i) {
        const qint64 id = i + 1;
        const EmulatedState state = states.at(i);
        const auto status = readStatus(client, id, problems);
        if (!status)
            continue;
        if (*status == CampaignStatus::Unknown) {
            problems.append(
                QStringLiteral("the emulator's state \"%1\" is not a status the client knows").arg(stateName(state)));
            continue;
        }
        seen.insert(state, *status);
        const auto whole = await<Campaign>(
            [&](QObject *context, const ApiCallback<Campaign> &done) { client.campaign(id, context, done); });
        if (!whole || !whole->ok() || whole->value.status != *status)
            problems.append(QStringLiteral("get and get_status disagree on the state \"%1\"").arg(stateName(state)));

        CampaignFilter filter;
        filter.state = CampaignStatuses::toApiString(*status);
        QList<qint64> listed;
        std::optional<ApiError> listError;
        QEventLoop loop;
        QTimer::singleShot(kWaitMs, &loop, &QEventLoop::quit);
        QObject context;
        client.listCampaigns(
            filter, &context,
            [&listed](const QList<Campaign> &page) {
                for (const Campaign &c : page)
                    listed.append(c.id);
            },
            [&listError, &loop](const ApiError &error, const ListOutcome &) {
                listError = error;
                loop.quit();
            });
        if (!listError)
            loop.exec();
        if (!listError || !listError->isNone())
            problems.append(
                QStringLiteral("the emulator refuses the client's list filter state \"%1\"").arg(filter.state));
        else if (listed != QList<qint64>{id})
            problems.append(QStringLiteral("the client's list filter state \"%1\" does not select the state \"%2\"")
                                .arg(filter.state, stateName(state)));
    }
}

// One action from one state: sent whatever the client's table says, so that the emulator's
// answer can be compared with the table both where the table allows the action and where not.
inline void checkTransition(AltcraftEmulator &emulator, AltcraftClient &client, CampaignAction action,
                            EmulatedState state, CampaignStatus before, QStringList &problems)
{
    constexpr qint64 id = 100;
    emulator.store().reset({emulatedCampaign(id, state)});
    emulator.clearRequests();
    const auto answer = await<Done>(
        [&](QObject *context, const ApiCallback<Done> &done) { client.perform(action, id, context, done); });
    const QString sent = emulator.requests().isEmpty() ? QString() : emulator.requests().first().apiMethod();
    if (!EmulatorApi::methods().contains(sent)) {
        problems.append(QStringLiteral("%1: the client sends scampaigns/%2, a method the emulator does not have")
                            .arg(actionName(action), sent));
        return;
    }
    const QString from = QStringLiteral("%1 from \"%2\"").arg(actionName(action), stateName(state));
    if (!answer) {
        problems.append(QStringLiteral("%1: the emulator never answered").arg(from));
        return;
    }
    const auto after = readStatus(client, id, problems);
    if (!after)
        return;
    if (CampaignActions::allows(before, action)) {
        if (!answer->ok())
            problems.append(QStringLiteral("%1: the client's table allows it, the emulator refuses it (%2)")
                                .arg(from, answer->error.details()));
        else if (!CampaignActions::reaches(action, *after))
            problems.append(QStringLiteral("%1: the client's table expects %2, the emulator leads to \"%3\"")
                                .arg(from, statusNames(CampaignActions::spec(action).reaches),
                                     CampaignStatuses::toApiString(*after)));
    } else {
        if (answer->ok())
            problems.append(
                QStringLiteral("%1: the client's table does not allow it, the emulator accepts it (now \"%2\")")
                    .arg(from, CampaignStatuses::toApiString(*after)));
        else if (*after != before)
            problems.append(QStringLiteral("%1: refused, yet the state changed").arg(from));
    }
}

// The whole contract against a running emulator. Leaves the emulator's store emptied of the
// campaigns it used.
inline QStringList check(AltcraftEmulator &emulator)
{
    AltcraftClient client;
    RequestFactory factory(emulator.baseUrl());
    factory.setToken(ApiTokenGrant::defaultFullToken());
    factory.setTransferTimeout(std::chrono::seconds(5));
    client.setFactory(factory);
    client.setReadRetries(0);

    QStringList problems;
    QHash<EmulatedState, CampaignStatus> seen;
    checkStates(emulator, client, seen, problems);
    for (const ActionSpec &spec : CampaignActions::all()) {
        for (EmulatedState state : EmulatedStates::all()) {
            if (seen.contains(state))
                checkTransition(emulator, client, spec.action, state, seen.value(state), problems);
        }
    }
    emulator.store().reset({});
    return problems;
}

} // namespace ClientEmulatorContract
