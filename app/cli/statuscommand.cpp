#include "statuscommand.h"

#include "campaignreader.h"
#include "clioptions.h"
#include "clisession.h"
#include "recordwriter.h"

#include <QTextStream>

ExitCode StatusCommand::run(const CommandContext &context, CliSession &session)
{
    const QList<qint64> &ids = context.options.campaignIds;
    const QHash<qint64, ApiResult<CampaignStatus>> read = CampaignReader::statuses(session.client(), ids);
    RecordWriter writer(&context.out, context.options.format,
                        {{QStringLiteral("id"), tr("ID"), true},
                         {QStringLiteral("status"), tr("Status")},
                         {QStringLiteral("error"), tr("Error")}});
    ExitCode code = ExitCode::Ok;
    int failed = 0;
    for (qint64 id : ids) {
        const ApiResult<CampaignStatus> &r = read.value(id);
        if (r.ok()) {
            writer.add({QString::number(id), CampaignStatuses::toApiString(r.value), QString()});
            continue;
        }
        ++failed;
        code = CommandContext::worse(code, CommandContext::exitFor(r.error));
        writer.add({QString::number(id), QString(),
                    r.error.serverText().isEmpty() ? r.error.message() : r.error.serverText()});
    }
    writer.finish();
    const int readCount = static_cast<int>(ids.size()) - failed;
    QStringList parts{tr("%n read", nullptr, readCount)};
    if (failed > 0)
        parts << tr("%n could not be read", nullptr, failed);
    context.err << parts.join(QStringLiteral(", ")) << '\n';
    return code;
}
