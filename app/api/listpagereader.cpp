#include "listpagereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <utility>

namespace {

// A JSON string as it stands in the bytes, between its quotes, already checked.
struct RawString {
    const char *begin = nullptr;
    const char *end = nullptr;
    bool escaped = false;
    std::string_view view() const { return {begin, static_cast<size_t>(end - begin)}; }
};

// A JSON number; integer when it has no fraction and at most 15 digits, well inside the range a
// double (what QJsonValue::toDouble() gives ResponseParser) holds exactly.
struct RawNumber {
    bool integer = false;
    qint64 value = 0;
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Four hex digits at p; -1 if they are not.
int hex4(const char *p)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// A code point the plain case may hold. Surrogates (escaped halves of a pair included), U+FFFD
// (ResponseParser takes it for damage) and the noncharacters go the general way.
bool isPlainCodePoint(char32_t cp)
{
    return !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFD && !(cp >= 0xFDD0 && cp <= 0xFDEF)
        && (cp & 0xFFFE) != 0xFFFE;
}

// The length of the strict UTF-8 sequence at p (no overlong forms, no surrogates, nothing past
// U+10FFFF), its code point in *cp; 0 if it is not one.
int utf8Sequence(const char *p, const char *end, char32_t *cp)
{
    const auto b0 = static_cast<unsigned char>(p[0]);
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // the second byte's range
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        *cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        *cp = b0 & 0x0F;
        low = b0 == 0xE0 ? 0xA0 : 0x80;
        high = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        *cp = b0 & 0x07;
        low = b0 == 0xF0 ? 0x90 : 0x80;
        high = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        const auto b = static_cast<unsigned char>(p[i]);
        if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF))
            return 0;
        *cp = (*cp << 6) | (b & 0x3F);
    }
    return length;
}

// Reads JSON from bytes, strictly: whatever it does not accept makes it fail, and the page then
// goes the general way. Never more lenient than QJsonDocument.
class Cursor
{
public:
    Cursor(const char *begin, const char *end) : m_p(begin), m_end(end) { }

    bool fail()
    {
        m_failed = true;
        return false;
    }
    bool failed() const { return m_failed; }
    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }
    const char *position() const { return m_p; }

    // The next byte after white space; 0 at the end.
    char peek()
    {
        skipSpace();
        return m_p < m_end ? *m_p : '\0';
    }
    bool expect(char c)
    {
        if (peek() != c || m_p == m_end)
            return fail();
        ++m_p;
        return true;
    }

    bool string(RawString *out);
    bool number(RawNumber *out);
    bool literal(std::string_view word);
    bool skipValue(int depth = 0);

    // '{' members '}', member(key) reading each value. A key with an escape is not the plain case.
    template<typename Member>
    bool object(Member &&member)
    {
        return sequence('{', '}', [&] {
            RawString key;
            return string(&key) && !key.escaped && expect(':') && member(key);
        });
    }

    // '[' elements ']', element() reading each.
    template<typename Element>
    bool array(Element &&element)
    {
        return sequence('[', ']', element);
    }

private:
    // open, then items separated by commas, then close; item() reads one.
    template<typename Item>
    bool sequence(char open, char close, Item &&item)
    {
        if (!expect(open))
            return false;
        if (peek() == close)
            return expect(close);
        for (;;) {
            if (!item())
                return fail();
            const char next = peek();
            if (next != ',' && next != close)
                return fail();
            ++m_p;
            if (next == close)
                return true;
        }
    }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    static constexpr int kMaxDepth = 64;

    const char *m_p;
    const char *m_end;
    bool m_failed = false;
};

bool Cursor::string(RawString *out)
{
    if (peek() != '"')
        return fail();
    const char *p = ++m_p;
    bool escaped = false;
    while (p < m_end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            *out = RawString{m_p, p, escaped};
            m_p = p + 1;
            return true;
        }
        if (c < 0x20)
            return fail();
        if (c == '\\') {
            escaped = true;
            if (++p == m_end)
                return fail();
            switch (*p) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                ++p;
                break;
            case 'u': {
                const int unit = m_end - p >= 5 ? hex4(p + 1) : -1;
                if (unit < 0 || !isPlainCodePoint(static_cast<char32_t>(unit)))
                    return fail();
                p += 5;
                break;
            }
            default:
                return fail();
            }
        } else if (c < 0x80) {
            ++p;
        } else {
            char32_t cp = 0;
            const int length = utf8Sequence(p, m_end, &cp);
            if (length == 0 || !isPlainCodePoint(cp))
                return fail();
            p += length;
        }
    }
    return fail();
}

bool Cursor::number(RawNumber *out)
{
    skipSpace();
    const char *p = m_p;
    const bool negative = p < m_end && *p == '-';
    if (negative)
        ++p;
    if (p == m_end || !isDigit(*p))
        return fail();
    const char *digits = p;
    if (*p == '0')
        ++p;
    else
        while (p < m_end && isDigit(*p))
            ++p;
    const auto integerDigits = p - digits;
    bool fraction = false;
    if (p < m_end && *p == '.') {
        fraction = true;
        if (++p == m_end || !isDigit(*p))
            return fail();
        while (p < m_end && isDigit(*p))
            ++p;
    }
    // Exponents and very long numbers (which a double may not hold) are not the plain case.
    if ((p < m_end && (*p == 'e' || *p == 'E')) || p - m_p > 30)
        return fail();
    m_p = p;
    out->integer = !fraction && integerDigits <= 15;
    out->value = 0;
    if (out->integer) {
        for (const char *d = digits; d < digits + integerDigits; ++d)
            out->value = out->value * 10 + (*d - '0');
        if (negative)
            out->value = -out->value;
    }
    return true;
}

bool Cursor::literal(std::string_view word)
{
    skipSpace();
    if (static_cast<size_t>(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
        return fail();
    m_p += word.size();
    return true;
}

bool Cursor::skipValue(int depth)
{
    if (depth > kMaxDepth)
        return fail();
    switch (peek()) {
    case '"': {
        RawString s;
        return string(&s);
    }
    case '{':
        return object([&](const RawString &) { return skipValue(depth + 1); });
    case '[':
        return array([&] { return skipValue(depth + 1); });
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default: {
        RawNumber n;
        return number(&n);
    }
    }
}

QString decode(const RawString &s)
{
    if (!s.escaped)
        return QString::fromUtf8(s.begin, s.end - s.begin);
    QString out;
    out.reserve(s.end - s.begin);
    for (const char *p = s.begin; p < s.end;) {
        if (*p != '\\') {
            const char *run = p;
            while (p < s.end && *p != '\\')
                ++p;
            out += QString::fromUtf8(run, p - run);
            continue;
        }
        const char kind = p[1];
        p += 2;
        switch (kind) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u':
            out += QChar(static_cast<char16_t>(hex4(p)));
            p += 4;
            break;
        default: // '"', '\\', '/'
            out += QLatin1Char(kind);
            break;
        }
    }
    return out;
}

QDateTime timestamp(const RawString &s)
{
    // The API's timestamps are short ASCII: read them without a QString.
    std::array<char16_t, 32> units{};
    const auto size = s.end - s.begin;
    if (s.escaped || size > static_cast<qsizetype>(units.size()))
        return JsonFields::parseTimestamp(decode(s));
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(s.begin[i]);
        if (c >= 0x80)
            return JsonFields::parseTimestamp(decode(s));
        units[static_cast<size_t>(i)] = c;
    }
    return JsonFields::parseTimestamp(QStringView(units.data(), size));
}

// The next value when it is a string, else nothing (the value skipped), as Campaign::fromJson
// reads a field of another type.
template<typename Use>
bool ifStringIn(Cursor &in, Use &&use)
{
    if (in.peek() != '"')
        return in.skipValue();
    RawString s;
    if (!in.string(&s))
        return false;
    use(s);
    return true;
}

// What a campaign holds, as bits: a key seen twice is not the plain case.
enum Field : unsigned {
    Id = 1U << 0,
    Name = 1U << 1,
    State = 1U << 2,
    IsDelete = 1U << 3,
    Created = 1U << 4,
    Updated = 1U << 5,
    User = 1U << 6,
    Description = 1U << 7,
    Tags = 1U << 8,
    Groups = 1U << 9,
    Audience = 1U << 10,
};

// The same for audience.
enum AudienceField : unsigned {
    AudienceState = 1U << 0,
    SegmentId = 1U << 1,
    ListId = 1U << 2,
    ExtensionConf = 1U << 3,
};

// The keys of extension_conf, in NestedObjects::Kind order (as Campaign::fromJson reads them).
constexpr std::string_view kNestedKeys[NestedObjects::kKinds]
    = {"workflows", "triggers", "broadcasts", "regulars", "abns", "placements"};

class CampaignReader
{
public:
    CampaignReader(Cursor &in, ListPageReader::Pools &pools) : m_in(in), m_pools(pools) { }

    std::optional<Campaign> read();

private:
    bool once(unsigned &seen, unsigned bit)
    {
        if (seen & bit)
            return false;
        seen |= bit;
        return true;
    }
    template<typename Use>
    bool ifString(Use &&use)
    {
        return ifStringIn(m_in, std::forward<Use>(use));
    }
    // A whole number that must be an integer when it is a number; nothing when it is not one.
    bool integerOrNothing(qint64 *value)
    {
        const char c = m_in.peek();
        if (c != '-' && !isDigit(c))
            return m_in.skipValue();
        RawNumber n;
        if (!m_in.number(&n) || !n.integer)
            return false;
        *value = n.value;
        return true;
    }
    QString pooledString(const RawString &s);
    bool tags(QStringList *out);
    bool groups(QList<CampaignGroup> *out);
    bool audience(Campaign *c);
    bool extensionConf(Campaign *c);

    Cursor &m_in;
    ListPageReader::Pools &m_pools;
};

QString CampaignReader::pooledString(const RawString &s)
{
    if (s.begin == s.end)
        return QString::fromUtf8("", 0); // empty, not null, as QJsonValue::toString() gives it
    if (const QString *pooled = m_pools.strings.find(s.view()))
        return *pooled;
    QString value = decode(s);
    m_pools.strings.insert(s.view(), value);
    return value;
}

bool CampaignReader::tags(QStringList *out)
{
    if (m_in.peek() != '[')
        return m_in.skipValue();
    const char *begin = m_in.position();
    if (!m_in.skipValue())
        return false;
    const std::string_view raw(begin, static_cast<size_t>(m_in.position() - begin));
    if (const QStringList *pooled = m_pools.tags.find(raw)) {
        *out = *pooled;
        return true;
    }
    Cursor list(raw.data(), raw.data() + raw.size());
    QStringList value;
    if (!list.array([&] { return ifStringIn(list, [&](const RawString &s) { value.append(pooledString(s)); }); }))
        return false;
    m_pools.tags.insert(raw, value);
    *out = value;
    return true;
}

bool CampaignReader::groups(QList<CampaignGroup> *out)
{
    if (m_in.peek() != '[')
        return m_in.skipValue();
    const char *begin = m_in.position();
    if (!m_in.skipValue())
        return false;
    const std::string_view raw(begin, static_cast<size_t>(m_in.position() - begin));
    if (const QList<CampaignGroup> *pooled = m_pools.groups.find(raw)) {
        *out = *pooled;
        return true;
    }
    Cursor list(raw.data(), raw.data() + raw.size());
    QList<CampaignGroup> value;
    const bool ok = list.array([&] {
        if (list.peek() != '{')
            return list.skipValue(); // not a group: Campaign::fromJson passes it by
        unsigned seen = 0;
        bool hasId = false;
        CampaignGroup group;
        const bool read = list.object([&](const RawString &key) {
            if (key.view() == "id") {
                if (!once(seen, Id))
                    return false;
                const char c = list.peek();
                if (c != '-' && !isDigit(c))
                    return list.skipValue();
                RawNumber n;
                if (!list.number(&n) || !n.integer)
                    return false;
                hasId = true;
                group.id = n.value;
                return true;
            }
            if (key.view() == "name") {
                if (!once(seen, Name))
                    return false;
                return ifStringIn(list, [&](const RawString &s) { group.name = pooledString(s); });
            }
            return list.skipValue();
        });
        if (read && hasId)
            value.append(group);
        return read;
    });
    if (!ok)
        return false;
    m_pools.groups.insert(raw, value);
    *out = value;
    return true;
}

bool CampaignReader::audience(Campaign *c)
{
    if (m_in.peek() != '{')
        return m_in.skipValue();
    unsigned seen = 0;
    return m_in.object([&](const RawString &key) {
        const std::string_view k = key.view();
        if (k == "state")
            return once(seen, AudienceState)
                && ifString([&](const RawString &s) { c->audienceState = pooledString(s); });
        if (k == "seg_id")
            return once(seen, SegmentId) && integerOrNothing(&c->segmentId);
        if (k == "list_id")
            return once(seen, ListId) && integerOrNothing(&c->listId);
        if (k == "extension_conf")
            return once(seen, ExtensionConf) && extensionConf(c);
        return m_in.skipValue();
    });
}

bool CampaignReader::extensionConf(Campaign *c)
{
    if (m_in.peek() != '{')
        return m_in.skipValue();
    std::array<QVarLengthArray<qint64, 8>, NestedObjects::kKinds> ids;
    unsigned seenKinds = 0;
    const bool ok = m_in.object([&](const RawString &key) {
        const auto kind = std::find(std::cbegin(kNestedKeys), std::cend(kNestedKeys), key.view());
        if (kind == std::cend(kNestedKeys))
            return m_in.skipValue();
        const auto k = static_cast<size_t>(kind - std::cbegin(kNestedKeys));
        if (!once(seenKinds, 1U << k))
            return false;
        if (m_in.peek() != '{')
            return m_in.skipValue();
        bool seenIds = false;
        return m_in.object([&](const RawString &inner) {
            if (inner.view() != "ids")
                return m_in.skipValue();
            if (seenIds)
                return false;
            seenIds = true;
            if (m_in.peek() != '[')
                return m_in.skipValue();
            return m_in.array([&] {
                const char ch = m_in.peek();
                if (ch != '-' && !isDigit(ch))
                    return m_in.skipValue(); // not a number: Campaign::fromJson passes it by
                RawNumber n;
                if (!m_in.number(&n) || !n.integer)
                    return false;
                ids[k].append(n.value);
                return true;
            });
        });
    });
    if (!ok)
        return false;
    QVarLengthArray<qint64, 32> all;
    NestedObjects::Counts counts{};
    for (size_t k = 0; k < ids.size(); ++k) {
        all.append(ids[k].constData(), ids[k].size());
        counts[k] = static_cast<quint32>(ids[k].size());
    }
    if (!all.isEmpty())
        c->nested.assign(all.constData(), all.size(), counts);
    return true;
}

std::optional<Campaign> CampaignReader::read()
{
    static const QDateTime kNoTime = JsonFields::parseTimestamp(QStringView());
    Campaign c;
    c.created = kNoTime;
    c.updated = kNoTime;
    unsigned seen = 0;
    QVarLengthArray<std::pair<QString, std::string_view>, 2> unknown;
    const bool ok = m_in.object([&](const RawString &key) {
        const std::string_view k = key.view();
        if (k == "id") {
            RawNumber n;
            if (!once(seen, Id) || !m_in.number(&n) || !n.integer || n.value <= 0)
                return false;
            c.id = n.value;
            return true;
        }
        if (k == "name") {
            RawString s;
            if (!once(seen, Name) || !m_in.string(&s))
                return false;
            c.name = decode(s);
            return true;
        }
        if (k == "state") {
            RawString s;
            if (!once(seen, State) || !m_in.string(&s))
                return false;
            const QString text = pooledString(s);
            c.status = CampaignStatuses::fromApiString(text);
            const QString canonical = CampaignStatuses::toApiString(c.status);
            c.statusText = canonical == text ? canonical : text;
            return true;
        }
        if (k == "is_delete") {
            if (!once(seen, IsDelete))
                return false;
            if (m_in.peek() != 't')
                return m_in.skipValue();
            c.isDeleted = true;
            return m_in.literal("true");
        }
        if (k == "description")
            return once(seen, Description) && ifString([&](const RawString &s) { c.description = decode(s); });
        if (k == "updated_user")
            return once(seen, User) && ifString([&](const RawString &s) { c.updatedUser = pooledString(s); });
        if (k == "createtime")
            return once(seen, Created) && ifString([&](const RawString &s) { c.created = timestamp(s); });
        if (k == "updatetime")
            return once(seen, Updated) && ifString([&](const RawString &s) { c.updated = timestamp(s); });
        if (k == "tags")
            return once(seen, Tags) && tags(&c.tags);
        if (k == "groups")
            return once(seen, Groups) && groups(&c.groups);
        if (k == "audience")
            return once(seen, Audience) && audience(&c);
        // A field this client does not know is kept as it came, read by QJsonDocument below.
        m_in.peek();
        const char *begin = m_in.position();
        if (!m_in.skipValue())
            return false;
        unknown.append({decode(key), std::string_view(begin, static_cast<size_t>(m_in.position() - begin))});
        return true;
    });
    if (!ok || (seen & (Id | Name | State)) != (Id | Name | State))
        return std::nullopt;
    for (const auto &[key, raw] : unknown) {
        if (c.unknownFields.contains(key))
            return std::nullopt;
        QByteArray wrapped;
        wrapped.reserve(static_cast<qsizetype>(raw.size()) + 2);
        wrapped.append('[').append(raw.data(), static_cast<qsizetype>(raw.size())).append(']');
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        c.unknownFields.insert(key, doc.array().at(0));
    }
    return c;
}

} // namespace

namespace {

// The envelope of a successful answer: a JSON object with "error" 0, "error_text" a string or
// null when present, and "data" an array whose items item() reads, each from its '{'. Other keys
// are passed over. True when the whole body is that and nothing after it.
template<typename Item>
bool readSuccessEnvelope(const QByteArray &body, Item &&item)
{
    Cursor in(body.constData(), body.constData() + body.size());
    bool hasData = false, hasError = false, hasText = false;
    const bool ok = in.object([&](const RawString &key) {
        const std::string_view k = key.view();
        if (k == "data") {
            if (hasData)
                return false;
            hasData = true;
            return in.array([&] { return in.peek() == '{' && item(in); });
        }
        if (k == "error") {
            RawNumber code;
            if (hasError || !in.number(&code) || !code.integer || code.value != 0)
                return false;
            hasError = true;
            return true;
        }
        if (k == "error_text") {
            if (hasText)
                return false;
            hasText = true;
            RawString text;
            return in.peek() == 'n' ? in.literal("null") : in.string(&text);
        }
        return in.skipValue();
    });
    return ok && !in.failed() && in.atEnd() && hasData && hasError;
}

} // namespace

std::optional<ListPage> ListPageReader::read(const QByteArray &body, qint64 fromId, qsizetype expected)
{
    ListPage page;
    page.lastId = fromId - 1;
    if (expected > 0)
        page.campaigns.reserve(std::min<qsizetype>(expected, 10000));
    const bool ok = readSuccessEnvelope(body, [&](Cursor &in) {
        std::optional<Campaign> c = CampaignReader(in, m_pools).read();
        // An unreadable item, or one out of order: ResponseParser says what to do.
        if (!c || c->id <= page.lastId)
            return false;
        page.lastId = c->id;
        ++page.received;
        page.campaigns.append(std::move(*c));
        return true;
    });
    if (!ok)
        return std::nullopt;
    return page;
}

std::optional<ListPageReader::Extent> ListPageReader::extent(const QByteArray &body, qint64 fromId)
{
    Extent extent;
    extent.lastId = fromId - 1;
    const bool ok = readSuccessEnvelope(body, [&](Cursor &in) {
        bool hasId = false;
        const bool item = in.object([&](const RawString &field) {
            if (field.view() != "id")
                return in.skipValue();
            RawNumber id;
            if (hasId || !in.number(&id) || !id.integer || id.value <= extent.lastId)
                return false;
            hasId = true;
            extent.lastId = id.value;
            return true;
        });
        ++extent.received;
        return item && hasId;
    });
    if (!ok)
        return std::nullopt;
    return extent;
}
