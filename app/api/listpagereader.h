#pragma once

#include "campaign.h"
#include "responseparser.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

// Reads a list page straight from the reply's bytes into campaigns, without a QJsonDocument in
// between: building one and then the campaigns from it was four fifths of a list's CPU time.
//
// Only for the plain case: a JSON object whose "error" is 0 and whose "data" is an array of
// readable campaigns with increasing IDs, in valid UTF-8 without U+FFFD, numbers the IDs need as
// plain integers, no key twice. Anything else (an API error, HTML, a damaged or unreadable item,
// an exponent, an escaped key) gives nullopt, and the caller reads the reply with ResponseParser,
// which then says what is wrong or skips what it must. When read() gives a page, it equals the
// page ResponseParser::classify() + page() give for the same bytes (tst_api_listpagereader and
// the api_response fuzz target hold it to that).
//
// One reader per listing, used by one thread at a time: it keeps one copy of each user, tag set
// and group list, keyed by their bytes, for all the listing's pages.
class ListPageReader
{
public:
    // expected: how many items the page probably holds (the request's limit), to size the list.
    std::optional<ListPage> read(const QByteArray &body, qint64 fromId, qsizetype expected = 0);

    // How many items the page holds and its last ID, from a quick pass over the bytes that reads
    // nothing but the items' IDs: enough to ask for the next page before the campaigns are read.
    // Only when the reply is a JSON object with "error" 0 and "data" an array of objects whose
    // IDs (plain integers) all exceed the one before, from fromId on: then whichever path reads
    // the page gives this count and last ID (ResponseParser::page() included, skipped items and
    // all), and cannot fail. nullopt otherwise.
    struct Extent {
        qsizetype received = 0;
        qint64 lastId = 0;
    };
    static std::optional<Extent> extent(const QByteArray &body, qint64 fromId);

    // Values that repeat, keyed by their JSON text: equal text, equal value.
    template<typename T>
    class RawPool
    {
    public:
        const T *find(std::string_view raw) const
        {
            const auto it = m_values.find(raw);
            return it == m_values.end() ? nullptr : &it->second;
        }
        void insert(std::string_view raw, const T &value)
        {
            // A distinct value per campaign (a hostile page) would only grow the pool.
            if (m_values.size() < kMaxValues)
                m_values.emplace(std::string(raw), value);
        }

    private:
        struct Hash {
            using is_transparent = void;
            size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
        };
        static constexpr size_t kMaxValues = 4096;
        std::unordered_map<std::string, T, Hash, std::equal_to<>> m_values;
    };

    struct Pools {
        RawPool<QString> strings;
        RawPool<QStringList> tags;
        RawPool<QList<CampaignGroup>> groups;
    };

private:
    Pools m_pools;
};
