#pragma once

#include <QByteArray>
#include <QList>

#include <array>

// The objects nested in a campaign (audience.extension_conf): what Complete switches off. The IDs
// of all six kinds are packed into one small array, kind after kind, each as the varint of its
// difference from the one before (IDs in a campaign tend to be close): a table of 100,000
// campaigns holds one allocation of about 20 bytes per campaign for them, not six lists.
class NestedObjects
{
public:
    enum Kind {
        Workflows, // scenarios
        Triggers, // trigger mailings
        Broadcasts, // one-off mailings
        Regulars, // regular mailings
        Abns, // A/B tests
        Placements,
    };
    static constexpr int kKinds = Placements + 1;
    using Counts = std::array<quint32, kKinds>;

    QList<qint64> ids(Kind kind) const;
    qsizetype count(Kind kind) const { return m_ends[static_cast<size_t>(kind)] - begin(kind); }
    void setIds(Kind kind, const QList<qint64> &ids);
    // Every kind at once: ids holds counts[0] IDs of the first kind, then the next kind's, ...
    void assign(const QList<qint64> &ids, const Counts &counts) { assign(ids.constData(), ids.size(), counts); }
    void assign(const qint64 *ids, qsizetype size, const Counts &counts);

    qsizetype mailingCount() const { return count(Triggers) + count(Broadcasts) + count(Regulars); }
    qsizetype scenarioCount() const { return count(Workflows); }
    qsizetype totalCount() const { return m_ends.back(); }
    friend bool operator==(const NestedObjects &, const NestedObjects &) = default;

private:
    qsizetype begin(Kind kind) const { return kind == Workflows ? 0 : m_ends[static_cast<size_t>(kind) - 1]; }
    QList<qint64> all() const;

    QByteArray m_packed;
    std::array<quint32, kKinds> m_ends{}; // kind k's IDs end at m_ends[k]
};
