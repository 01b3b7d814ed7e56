#include "emulatedcampaign.h"

#include "jsonwriter.h"
#include "statespelling.h"
#include "wirejson.h"

using namespace Qt::StringLiterals;

namespace {

void writeIds(JsonWriter &w, QLatin1StringView key, const QList<qint64> &ids)
{
    w.key(key);
    w.beginObject();
    w.key("ids"_L1);
    w.beginArray();
    for (qint64 id : ids)
        w.number(id);
    w.endArray();
    w.endObject();
}

} // namespace

void EmulatedCampaign::writeJson(JsonWriter &w, const StateSpelling &spelling) const
{
    // The extra fields go where a QJsonObject would sort them among ours, before the key that
    // follows them; one named like a field of ours is dropped, as inserting ours replaced it.
    auto extra = extraFields.constBegin();
    const auto writeExtra = [&] {
        w.key(extra.key());
        w.value(extra.value());
        ++extra;
    };
    const auto key = [&](QLatin1StringView name) {
        while (extra != extraFields.constEnd() && extra.key() < name)
            writeExtra();
        if (extra != extraFields.constEnd() && extra.key() == name)
            ++extra;
        w.key(name);
    };
    w.beginObject();
    key("audience"_L1);
    w.beginObject();
    w.key("extension_conf"_L1);
    w.beginObject();
    writeIds(w, "abns"_L1, nested.abns);
    writeIds(w, "broadcasts"_L1, nested.broadcasts);
    writeIds(w, "placements"_L1, nested.placements);
    writeIds(w, "regulars"_L1, nested.regulars);
    writeIds(w, "triggers"_L1, nested.triggers);
    writeIds(w, "workflows"_L1, nested.workflows);
    w.endObject();
    w.key("lcg"_L1);
    w.beginObject();
    w.key("enabled"_L1);
    w.boolean(false);
    w.endObject();
    w.key("list_id"_L1);
    w.number(listId);
    w.key("seg_id"_L1);
    w.number(segmentId);
    w.key("state"_L1);
    w.string(audienceState);
    w.endObject();
    key("createtime"_L1);
    w.string(WireJson::formatTime(created));
    key("description"_L1);
    w.string(description);
    key("groups"_L1);
    w.beginArray();
    for (const EmulatedGroup &g : groups) {
        w.beginObject();
        w.key("id"_L1);
        w.number(g.id);
        w.key("name"_L1);
        w.string(g.name);
        w.endObject();
    }
    w.endArray();
    key("id"_L1);
    w.number(id);
    key("is_delete"_L1);
    w.boolean(isDeleted);
    key("name"_L1);
    w.string(name);
    key("state"_L1);
    w.string(spelling.name(state));
    key("tags"_L1);
    w.beginArray();
    for (const QString &tag : tags)
        w.string(tag);
    w.endArray();
    key("updated_user"_L1);
    w.string(updatedUser);
    key("updatetime"_L1);
    w.string(WireJson::formatTime(updated));
    while (extra != extraFields.constEnd())
        writeExtra();
    w.endObject();
}
