#include "nestedobjects.h"

#include <span>

namespace {

// Zigzag (small negative differences stay small), then 7 bits a byte, low bits first, the high
// bit set on every byte but the last.
quint64 zigzag(qint64 v)
{
    return (static_cast<quint64>(v) << 1) ^ static_cast<quint64>(v >> 63);
}

qint64 unzigzag(quint64 v)
{
    return static_cast<qint64>(v >> 1) ^ -static_cast<qint64>(v & 1);
}

int varintSize(quint64 v)
{
    int n = 1;
    for (; v >= 0x80; v >>= 7)
        ++n;
    return n;
}

} // namespace

QList<qint64> NestedObjects::all() const
{
    QList<qint64> ids;
    ids.reserve(totalCount());
    const auto *p = reinterpret_cast<const uchar *>(m_packed.constData());
    const auto *end = p + m_packed.size();
    qint64 previous = 0;
    while (p < end) {
        quint64 v = 0;
        for (int shift = 0; p < end; shift += 7) {
            const uchar byte = *p++;
            v |= static_cast<quint64>(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                break;
        }
        // Unsigned: the differences wrap, and so does their sum, back to each ID exactly.
        previous = static_cast<qint64>(static_cast<quint64>(previous) + static_cast<quint64>(unzigzag(v)));
        ids.append(previous);
    }
    return ids;
}

QList<qint64> NestedObjects::ids(Kind kind) const
{
    if (count(kind) == 0)
        return {};
    return all().sliced(begin(kind), count(kind));
}

void NestedObjects::setIds(Kind kind, const QList<qint64> &ids)
{
    const qsizetype from = begin(kind), old = count(kind);
    const QList<qint64> before = all();
    QList<qint64> after;
    after.reserve(before.size() - old + ids.size());
    after << before.sliced(0, from) << ids << before.sliced(from + old);
    Counts counts;
    for (int k = 0; k < kKinds; ++k)
        counts[static_cast<size_t>(k)] = static_cast<quint32>(k == kind ? ids.size() : count(Kind(k)));
    assign(after, counts);
}

void NestedObjects::assign(const qint64 *ids, qsizetype size, const Counts &counts)
{
    quint32 end = 0;
    for (size_t k = 0; k < counts.size(); ++k)
        m_ends[k] = end += counts[k];
    Q_ASSERT(qsizetype{end} == size);
    const std::span<const qint64> list(ids, static_cast<size_t>(size));
    // Sized exactly, in one allocation: a parser calls this once per campaign.
    qsizetype bytes = 0;
    qint64 previous = 0;
    const auto difference = [&previous](qint64 id) {
        const auto d = static_cast<qint64>(static_cast<quint64>(id) - static_cast<quint64>(previous));
        previous = id;
        return zigzag(d);
    };
    for (qint64 id : list)
        bytes += varintSize(difference(id));
    m_packed = QByteArray(bytes, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(m_packed.data());
    previous = 0;
    for (qint64 id : list) {
        quint64 v = difference(id);
        for (; v >= 0x80; v >>= 7)
            *p++ = static_cast<uchar>(v | 0x80);
        *p++ = static_cast<uchar>(v);
    }
}
