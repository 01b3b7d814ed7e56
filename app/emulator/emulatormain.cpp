// altcraft-emulator: a local stand-in for Altcraft's campaign API, for demos, tests and benchmarks.
#include "altcraftemulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "altcraft-emulator: " << message << '\n';
    return 2;
}

std::optional<int> intOption(const QCommandLineParser &parser, const QString &name, int min, int max, QString *error)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(parser.value(name));
        return std::nullopt;
    }
    return value;
}

// --account NAME:TOKEN[:COUNT]: one more account on the same port, with one full-access token.
struct AccountOption {
    QString name;
    QString token;
    int campaigns = 0;
    quint32 seed = 0;
};

std::optional<AccountOption> parseAccount(const QString &spec, int defaultCampaigns, QString *error)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    bool countOk = true;
    const int campaigns = parts.size() == 3 ? parts.at(2).toInt(&countOk) : defaultCampaigns;
    if (parts.size() < 2 || parts.size() > 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
        *error = QStringLiteral("--account takes NAME:TOKEN[:COUNT], not '%1'").arg(spec);
        return std::nullopt;
    }
    if (!countOk || campaigns < 0 || campaigns > 100000) {
        *error = QStringLiteral("--account: COUNT must be a whole number from 0 to 100000, not '%1'").arg(parts.at(2));
        return std::nullopt;
    }
    return AccountOption{parts.at(0), parts.at(1), campaigns};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("altcraft-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local Altcraft campaign API (POST /api/v1.1/scampaigns/<method>) on 127.0.0.1."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1 (0 picks a free one)."), QStringLiteral("port"),
         QStringLiteral("18080")},
        {QStringLiteral("campaigns"), QStringLiteral("Number of generated campaigns (0-100000)."), QStringLiteral("N"),
         QStringLiteral("200")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the campaign generator."), QStringLiteral("seed"),
         QStringLiteral("1")},
        {QStringLiteral("latency-ms"), QStringLiteral("Added latency for every request."), QStringLiteral("ms"),
         QStringLiteral("0")},
        {QStringLiteral("jitter-ms"), QStringLiteral("Uniform random jitter added to the latency."),
         QStringLiteral("ms"), QStringLiteral("0")},
        {QStringLiteral("token"), QStringLiteral("A token with full rights (repeatable). Replaces the default tokens."),
         QStringLiteral("token")},
        {QStringLiteral("view-token"),
         QStringLiteral("A token with the View right only (repeatable). Replaces the default tokens."),
         QStringLiteral("token")},
        {QStringLiteral("user-token"),
         QStringLiteral("A token with full rights whose changes name USER in updated_user, as a colleague's would "
                        "(repeatable): TOKEN:USER. Replaces the default tokens."),
         QStringLiteral("spec")},
        {QStringLiteral("account"),
         QStringLiteral("Serve one more account on the same port (repeatable): NAME:TOKEN[:COUNT]. Its token has "
                        "full rights and reaches only its COUNT campaigns (default: --campaigns), generated with "
                        "--seed plus the option's position, so IDs overlap with other accounts' but names differ. "
                        "The default account and its tokens stay."),
         QStringLiteral("spec")},
        {QStringLiteral("fault"),
         QStringLiteral("Inject a fault: METHOD:KIND[:COUNT], METHOD a method name or *, KIND one of %1.")
             .arg(Fault::kindNames().join(QStringLiteral(", "))),
         QStringLiteral("spec")},
        {QStringLiteral("redirect-to"), QStringLiteral("Target origin of the 302 and 307 faults."),
         QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/")},
        {QStringLiteral("errors-as-http-status"),
         QStringLiteral("Answer API errors 400-403 with the same HTTP status instead of 200.")},
        {QStringLiteral("max-body-bytes"),
         QStringLiteral("Largest request body (default %1); a longer one gets 413 before it is read.")
             .arg(ConnectionLimits().maxBodyBytes),
         QStringLiteral("bytes"), QString::number(ConnectionLimits().maxBodyBytes)},
        {QStringLiteral("request-timeout-ms"),
         QStringLiteral("Time a connection has to send a whole request, from its start or the request's first "
                        "byte (default %1); then 408 and the connection is closed.")
             .arg(ConnectionLimits().requestTimeoutMs),
         QStringLiteral("ms"), QString::number(ConnectionLimits().requestTimeoutMs)},
        {QStringLiteral("idle-timeout-ms"),
         QStringLiteral("Time a keep-alive connection may sit with no request and no answer pending (default %1).")
             .arg(ConnectionLimits().idleTimeoutMs),
         QStringLiteral("ms"), QString::number(ConnectionLimits().idleTimeoutMs)},
        {QStringLiteral("quiet"), QStringLiteral("Do not print a line for each request.")},
        {QStringLiteral("log-bodies"),
         QStringLiteral("Print each request's body in its line, with the token redacted (by default a line "
                        "shows the method, path, campaign id and body size only).")},
    });
    parser.process(app);

    QString error;
    const auto port = intOption(parser, QStringLiteral("port"), 0, 65535, &error);
    const auto campaigns = intOption(parser, QStringLiteral("campaigns"), 0, 100000, &error);
    const auto latency = intOption(parser, QStringLiteral("latency-ms"), 0, 600000, &error);
    const auto jitter = intOption(parser, QStringLiteral("jitter-ms"), 0, 600000, &error);
    const auto maxBody = intOption(parser, QStringLiteral("max-body-bytes"), 1024, 1024 * 1024 * 1024, &error);
    const auto requestTimeout = intOption(parser, QStringLiteral("request-timeout-ms"), 1, 3600000, &error);
    const auto idleTimeout = intOption(parser, QStringLiteral("idle-timeout-ms"), 1, 3600000, &error);
    bool seedOk = false;
    const uint seed = parser.value(QStringLiteral("seed")).toUInt(&seedOk);
    if (!port || !campaigns || !latency || !jitter || !maxBody || !requestTimeout || !idleTimeout)
        return fail(error);
    if (!seedOk)
        return fail(QStringLiteral("--seed must be a non-negative whole number"));

    AltcraftEmulator emulator;
    emulator.seed(*campaigns, seed);
    emulator.setLatency(*latency, *jitter);
    emulator.setErrorsAsHttpStatus(parser.isSet(QStringLiteral("errors-as-http-status")));
    ConnectionLimits limits;
    limits.maxBodyBytes = *maxBody;
    limits.requestTimeoutMs = *requestTimeout;
    limits.idleTimeoutMs = *idleTimeout;
    emulator.setLimits(limits);
    // A long-running emulator keeps no request history: it would only grow.
    emulator.setRequestLogLimit(0);

    QList<ApiTokenGrant> tokens;
    for (const QString &t : parser.values(QStringLiteral("token")))
        tokens.append({t, QStringLiteral("full access"), true, true, true, {}});
    for (const QString &spec : parser.values(QStringLiteral("user-token"))) {
        const qsizetype colon = spec.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == spec.size() - 1)
            return fail(QStringLiteral("--user-token takes TOKEN:USER, not '%1'").arg(spec));
        tokens.append({spec.left(colon),
                       QStringLiteral("full access, as %1").arg(spec.mid(colon + 1)),
                       true,
                       true,
                       true,
                       {},
                       {},
                       spec.mid(colon + 1)});
    }
    for (const QString &t : parser.values(QStringLiteral("view-token")))
        tokens.append({t, QStringLiteral("view only"), true, false, true, {}});
    if (!tokens.isEmpty())
        emulator.setTokens(tokens);

    QList<AccountOption> accounts;
    for (const QString &spec : parser.values(QStringLiteral("account"))) {
        auto account = parseAccount(spec, *campaigns, &error);
        if (!account)
            return fail(error);
        if (emulator.accounts().contains(account->name))
            return fail(QStringLiteral("--account: the account '%1' is given twice").arg(account->name));
        // A token reaches one account: a second grant of it would never be used.
        const QList<ApiTokenGrant> known = emulator.api().tokens();
        if (std::any_of(known.cbegin(), known.cend(),
                        [&](const ApiTokenGrant &t) { return t.token == account->token; }))
            return fail(QStringLiteral("--account: the token of '%1' is already another account's").arg(account->name));
        account->seed = seed + static_cast<quint32>(accounts.size()) + 1;
        emulator.addAccount(account->name, account->campaigns, account->seed,
                            {{account->token, QStringLiteral("full access"), true, true, true, {}}});
        accounts.append(*account);
    }

    const QUrl redirectTo(parser.value(QStringLiteral("redirect-to")));
    for (const QString &spec : parser.values(QStringLiteral("fault"))) {
        auto fault = Fault::parse(spec, &error);
        if (!fault)
            return fail(error);
        fault->redirectTo = redirectTo;
        emulator.addFault(*fault);
    }

    if (!emulator.start(static_cast<quint16>(*port)))
        return fail(QStringLiteral("cannot listen on 127.0.0.1:%1 (is the port in use?)").arg(*port));

    QTextStream out(stdout);
    out << "Altcraft emulator listening on " << emulator.baseUrl().toString() << '\n'
        << "API: POST " << emulator.baseUrl().toString() << "api/v1.1/scampaigns/<method>\n"
        << "Campaigns: " << *campaigns << " (seed " << seed << ")\n";
    for (const AccountOption &a : accounts)
        out << "Account " << a.name << ": " << a.campaigns << " campaigns (seed " << a.seed << ")\n";
    for (const ApiTokenGrant &t : emulator.api().tokens()) {
        out << "Token (" << t.label;
        if (!t.account.isEmpty())
            out << ", account " << t.account;
        out << "): " << t.token << '\n';
    }
    out.flush();

    if (!parser.isSet(QStringLiteral("quiet"))) {
        const bool logBodies = parser.isSet(QStringLiteral("log-bodies"));
        QObject::connect(&emulator, &AltcraftEmulator::requestReceived, &app, [logBodies](const RecordedRequest &r) {
            QTextStream s(stdout);
            s << r.receivedAt.toString(Qt::ISODateWithMs) << ' ' << (logBodies ? r.redactedSummary() : r.summary())
              << '\n';
        });
    }
    return QCoreApplication::exec();
}
