// libFuzzer target: "Add campaigns by ID" input, from raw bytes to IDs and errors.
#include "campaignidparser.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const CampaignIdParser::Result r = CampaignIdParser::parse(text);
    // The promises the dialog relies on: unique, positive IDs within the limit.
    if (r.ids.size() > CampaignIdParser::kMaxIds)
        std::abort();
    QSet<qint64> seen;
    for (qint64 id : r.ids) {
        if (id <= 0 || seen.contains(id))
            std::abort();
        seen.insert(id);
    }
    if (r.duplicates < 0)
        std::abort();
    return 0;
}
