#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>

namespace {

char *hexEscape(char *out, char16_t unit)
{
    constexpr char kDigits[] = "0123456789abcdef";
    *out++ = '\\';
    *out++ = 'u';
    *out++ = kDigits[(unit >> 12) & 0xf];
    *out++ = kDigits[(unit >> 8) & 0xf];
    *out++ = kDigits[(unit >> 4) & 0xf];
    *out++ = kDigits[unit & 0xf];
    return out;
}

// The escapes JSON has a letter for; 0 for a control character that has none.
char namedEscape(char16_t unit)
{
    switch (unit) {
    case u'"':
        return '"';
    case u'\\':
        return '\\';
    case u'\b':
        return 'b';
    case u'\f':
        return 'f';
    case u'\n':
        return 'n';
    case u'\r':
        return 'r';
    case u'\t':
        return 't';
    default:
        return 0;
    }
}

} // namespace

void JsonWriter::separate()
{
    if (m_needComma)
        m_out.append(',');
    m_needComma = true;
}

void JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
}

void JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
}

void JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
}

void JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out.append('"').append(name.data(), name.size()).append("\":", 2);
    m_needComma = false;
}

void JsonWriter::key(QStringView name)
{
    separate();
    escaped(name);
    m_out.append(':');
    m_needComma = false;
}

void JsonWriter::string(QStringView text)
{
    separate();
    escaped(text);
}

void JsonWriter::number(qint64 value)
{
    separate();
    char digits[24];
    const auto result = std::to_chars(std::begin(digits), std::end(digits), value);
    m_out.append(digits, result.ptr - digits);
}

void JsonWriter::boolean(bool value)
{
    separate();
    m_out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
}

void JsonWriter::null()
{
    separate();
    m_out.append("null", 4);
}

void JsonWriter::value(const QJsonValue &value)
{
    raw(toJson(value));
}

void JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out.append(json);
}

QByteArray JsonWriter::toJson(const QJsonValue &value)
{
    // QJsonDocument writes only objects and arrays: wrap the value in [ ] and take them off.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// As QJsonDocument escapes: '"', '\\' and U+0000-U+001F escaped (\b \f \n \r \t by name, the
// rest as \u00XX); everything else as UTF-8, except a lone surrogate, which UTF-8 cannot hold
// and which goes out as \uXXXX.
void JsonWriter::escaped(QStringView text)
{
    // Room for the worst case, six bytes per UTF-16 unit ("\u001f"); trimmed at the end.
    const qsizetype start = m_out.size();
    m_out.resize(start + 2 + 6 * text.size());
    char *out = m_out.data() + start;
    *out++ = '"';
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p != end) {
        const char16_t u = *p++;
        if (u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\') {
            *out++ = static_cast<char>(u);
        } else if (u < 0x80) {
            const char name = namedEscape(u);
            if (name != 0) {
                *out++ = '\\';
                *out++ = name;
            } else {
                out = hexEscape(out, u);
            }
        } else if (u < 0x800) {
            *out++ = static_cast<char>(0xc0 | (u >> 6));
            *out++ = static_cast<char>(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t c = QChar::surrogateToUcs4(u, *p++);
            *out++ = static_cast<char>(0xf0 | (c >> 18));
            *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            *out++ = static_cast<char>(0x80 | (c & 0x3f));
        } else if (QChar::isSurrogate(u)) {
            out = hexEscape(out, u);
        } else {
            *out++ = static_cast<char>(0xe0 | (u >> 12));
            *out++ = static_cast<char>(0x80 | ((u >> 6) & 0x3f));
            *out++ = static_cast<char>(0x80 | (u & 0x3f));
        }
    }
    *out++ = '"';
    m_out.resize(out - m_out.constData());
}
