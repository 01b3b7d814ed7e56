#include "accountscommand.h"

#include "accountstore.h"
#include "altcraftclient.h"
#include "clientbinder.h"
#include "clioptions.h"
#include "clisession.h"
#include "connectiontester.h"
#include "recordwriter.h"

#include <QEventLoop>
#include <QTextStream>

namespace {

QString rightsKey(ConnectionTester::Rights rights)
{
    switch (rights) {
    case ConnectionTester::Rights::Run:
        return QStringLiteral("run");
    case ConnectionTester::Rights::ViewOnly:
        return QStringLiteral("view_only");
    case ConnectionTester::Rights::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace

ExitCode AccountsCommand::run(const CommandContext &context, Settings *settings)
{
    const CliOptions &o = context.options;
    CliSession session(settings);
    const QList<Account> saved = session.accounts()->savedAccounts();
    if (o.positional.isEmpty()) {
        RecordWriter writer(&context.out, o.format,
                            {{QStringLiteral("name"), tr("Name")},
                             {QStringLiteral("environment"), tr("Environment")},
                             {QStringLiteral("url"), tr("API address")},
                             {QStringLiteral("read_only"), tr("Read-only")}});
        for (const Account &a : saved) {
            writer.add({a.name, a.environmentLabel(), a.apiUrl.toString(QUrl::RemoveUserInfo),
                        a.readOnly ? QStringLiteral("yes") : QStringLiteral("no")});
        }
        writer.finish();
        context.err << tr("%n saved account(s)", nullptr, writer.count()) << '\n';
        return ExitCode::Ok;
    }

    QList<Account> toTest = saved;
    if (o.positional.size() == 2) {
        const std::optional<Account> account = session.accounts()->findByName(o.positional.at(1));
        if (!account || account->isDemo()) {
            context.err << session.unknownAccountText(o.positional.at(1)) << '\n';
            return ExitCode::Usage;
        }
        toTest = {*account};
    }
    if (toTest.isEmpty()) {
        context.err << tr("No account is saved yet: add one in the window's Settings.") << '\n';
        return ExitCode::Usage;
    }
    RecordWriter writer(&context.out, o.format,
                        {{QStringLiteral("name"), tr("Name")},
                         {QStringLiteral("rights"), tr("Rights")},
                         {QStringLiteral("message"), tr("Message")}});
    ExitCode code = ExitCode::Ok;
    for (const Account &account : std::as_const(toTest)) {
        QString error;
        const QString token = CliSession::loadToken(account.id, &error);
        if (token.isEmpty()) {
            writer.add({account.name, rightsKey(ConnectionTester::Rights::None),
                        error.isEmpty() ? tr("No API token is saved for this account.") : error});
            code = CommandContext::worse(code, ExitCode::Access);
            continue;
        }
        AltcraftClient client;
        ClientBinder binder(&client, settings);
        binder.setConnection(account.apiUrl, token);
        ConnectionTester tester(&client);
        QEventLoop loop;
        ConnectionTester::Result result;
        QObject::connect(&tester, &ConnectionTester::finished, &loop, [&](const ConnectionTester::Result &r) {
            result = r;
            loop.quit();
        });
        tester.start();
        if (tester.isRunning())
            loop.exec();
        else
            result = tester.lastResult();
        writer.add({account.name, rightsKey(result.rights), result.message});
        if (!result.connected())
            code = CommandContext::worse(code, CommandContext::exitFor(result.error));
    }
    writer.finish();
    return code;
}
