#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

// One copy of each value that repeats across campaigns: states, users, tags, groups. QString and
// QList are implicitly shared, so a campaign holding a pooled value costs a pointer, not an
// allocation; 100,000 campaigns hold a few dozen distinct users and tag sets. Used by one
// thread at a time (a pool per parsed page); the values it hands out may go anywhere.
template<typename T>
class ValuePool
{
public:
    // The pooled copy of value, equal to it.
    T operator()(const T &value)
    {
        if (value.isEmpty())
            return value;
        const auto it = m_values.constFind(value);
        if (it != m_values.cend())
            return *it;
        // A distinct value per campaign (a hostile page) would only grow the pool: stop pooling.
        if (m_values.size() < kMaxValues)
            m_values.insert(value);
        return value;
    }

private:
    static constexpr qsizetype kMaxValues = 4096;
    QSet<T> m_values;
};

using StringPool = ValuePool<QString>;
using StringListPool = ValuePool<QStringList>;
