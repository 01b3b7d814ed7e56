#include "campaigngenerator.h"

#include <QHash>
#include <QRandomGenerator>
#include <QStringBuilder>
#include <QTimeZone>

#include <algorithm>

#include <array>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

const char *const kSubjects[] = {
    "Seasonal sale",     "Black Friday",         "Welcome series",       "Abandoned cart",    "Loyalty points",
    "Spring collection", "Re-engagement",        "Birthday offer",       "Product launch",    "Newsletter",
    "Летняя распродажа", "Реактивация клиентов", "Приветственная серия", "Брошенная корзина", "Бонусная программа",
    "Новогодние скидки", "Чёрная пятница",       "Подписка на новости",  "Дни рождения",      "Запуск продукта",
};
const char *const kQualifiers[] = {
    "",         "",          " — Moscow",      " — Saint Petersburg",   " (A/B)",  " — VIP", " — mobile",
    " — email", " — Казань", " — Новосибирск", " — постоянные клиенты", " (тест)", " — SMS",
};
const char *const kTags[]
    = {"sale", "promo", "retention", "onboarding", "vip", "email", "sms", "push", "акция", "лояльность", "b2b", "test"};
const char *const kUsers[]
    = {"api.user", "m.ivanova", "j.smith", "a.petrov", "support.bot", "e.kuznetsova", "d.miller"};

// Weighted like a live account: mostly active and inactive campaigns, few transient ones.
struct StateWeight {
    EmulatedState state;
    int weight;
};
constexpr StateWeight kStateWeights[] = {
    {EmulatedState::Active, 35},    {EmulatedState::Inactive, 30}, {EmulatedState::Waiting, 10},
    {EmulatedState::Completed, 15}, {EmulatedState::Deleted, 7},   {EmulatedState::Cloning, 3},
};

template<typename T, std::size_t N>
const T &pick(QRandomGenerator &rng, const T (&items)[N])
{
    return items[rng.bounded(static_cast<quint32>(N))];
}

// One QString per text, decoded once: a campaign then shares them instead of allocating its own.
template<std::size_t N>
QList<QString> decoded(const char *const (&texts)[N])
{
    QList<QString> strings;
    strings.reserve(static_cast<qsizetype>(N));
    for (const char *text : texts)
        strings.append(QString::fromUtf8(text));
    return strings;
}

qsizetype index(QRandomGenerator &rng, qsizetype size)
{
    return static_cast<qsizetype>(rng.bounded(static_cast<quint32>(size)));
}

template<typename T>
const T &pick(QRandomGenerator &rng, const QList<T> &items)
{
    return items.at(index(rng, items.size()));
}

EmulatedState pickState(QRandomGenerator &rng)
{
    int roll = static_cast<int>(rng.bounded(100u));
    for (const StateWeight &w : kStateWeights) {
        if (roll < w.weight)
            return w.state;
        roll -= w.weight;
    }
    return EmulatedState::Active;
}

QList<qint64> someIds(QRandomGenerator &rng, qint64 &nextId, quint32 max)
{
    QList<qint64> ids;
    const quint32 n = rng.bounded(max + 1);
    ids.reserve(n);
    for (quint32 i = 0; i < n; ++i)
        ids.append(nextId++);
    return ids;
}

} // namespace

QList<EmulatedGroup> CampaignGenerator::groups()
{
    return {{1, QStringLiteral("Retail")},
            {2, QStringLiteral("Loyalty")},
            {3, QStringLiteral("Partners")},
            {4, QStringLiteral("Регионы")},
            {5, QStringLiteral("Internal tests")}};
}

QList<EmulatedCampaign> CampaignGenerator::generate(int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    const QList<EmulatedGroup> allGroups = groups();
    const QList<QString> subjects = decoded(kSubjects);
    const QList<QString> qualifiers = decoded(kQualifiers);
    const QList<QString> tags = decoded(kTags);
    const QList<QString> users = decoded(kUsers);
    // Made once and shared by the campaigns that have them, rather than allocated per campaign:
    // start-up time at 100,000 campaigns is mostly memory first touched. A name is a subject, a
    // qualifier, and no year or one of three.
    constexpr qsizetype kEndings = 4;
    QList<QString> names(subjects.size() * qualifiers.size() * kEndings);
    QList<QList<EmulatedGroup>> groupLists;
    for (const EmulatedGroup &g : allGroups)
        groupLists.append({g});
    // A fixed epoch keeps the output independent of the day it runs.
    const QDateTime epoch(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    QList<EmulatedCampaign> campaigns;
    campaigns.reserve(count);
    qint64 nestedId = 500;
    for (int i = 0; i < count; ++i) {
        EmulatedCampaign &c = campaigns.emplaceBack(); // in place: 100,000 of them at start-up
        c.id = i + 1;
        // The qualifier is drawn before the subject: the order GCC gave the two draws when they
        // were the operands of one '+' (unspecified in C++), kept so that a seed still gives the
        // same campaigns as before, and now the same whatever the compiler.
        const qsizetype qualifier = index(rng, qualifiers.size());
        const qsizetype subject = index(rng, subjects.size());
        const quint32 year = rng.bounded(3u) == 0 ? 2024 + rng.bounded(3u) : 0;
        QString &name = names[((qualifier * subjects.size()) + subject) * kEndings + (year == 0 ? 0 : year - 2023)];
        if (name.isNull()) {
            name = subjects.at(subject) + qualifiers.at(qualifier);
            if (year != 0)
                name += u' ' + QString::number(year);
        }
        c.name = name;
        if (rng.bounded(2u))
            c.description = "Campaign #"_L1 % QString::number(c.id) % " for "_L1 % c.name;
        const quint32 tagCount = rng.bounded(4u);
        c.tags.reserve(tagCount);
        for (quint32 t = 0; t < tagCount; ++t) {
            const QString &tag = pick(rng, tags);
            if (!c.tags.contains(tag))
                c.tags.append(tag);
        }
        c.state = pickState(rng);
        c.isDeleted = c.state == EmulatedState::Deleted;
        c.created = epoch.addSecs(static_cast<qint64>(rng.bounded(600u * 86400u))).addMSecs(rng.bounded(1000u));
        c.updated = c.created.addSecs(static_cast<qint64>(rng.bounded(60u * 86400u))).addMSecs(rng.bounded(1000u));
        c.updatedUser = pick(rng, users);
        c.groups = pick(rng, groupLists);
        c.audienceState = QStringLiteral("ready");
        c.segmentId = 100 + rng.bounded(400u);
        c.listId = 10 + rng.bounded(90u);
        c.nested.broadcasts = someIds(rng, nestedId, 3);
        c.nested.regulars = someIds(rng, nestedId, 2);
        c.nested.triggers = someIds(rng, nestedId, 3);
        c.nested.workflows = someIds(rng, nestedId, 2);
        c.nested.abns = someIds(rng, nestedId, 1);
        c.nested.placements = someIds(rng, nestedId, 1);
    }
    // Every state appears at least once, so demos and tests can reach each branch. A missing
    // state takes the place of one whose state occurs more than once.
    if (count >= static_cast<int>(std::size(kStateWeights))) {
        QHash<EmulatedState, int> counts;
        for (const EmulatedCampaign &c : campaigns)
            ++counts[c.state];
        for (const StateWeight &w : kStateWeights) {
            if (counts.value(w.state) > 0)
                continue;
            // From the end, so the first IDs keep their natural (mostly active) states.
            for (qsizetype i = campaigns.size() - 1; i >= 0; --i) {
                EmulatedCampaign &c = campaigns[i];
                if (counts.value(c.state) > 1) {
                    --counts[c.state];
                    c.state = w.state;
                    c.isDeleted = w.state == EmulatedState::Deleted;
                    ++counts[w.state];
                    break;
                }
            }
        }
    }
    return campaigns;
}
