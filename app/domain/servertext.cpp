#include "servertext.h"

#include <algorithm>

namespace {

bool isBidiControl(char16_t ch)
{
    return (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069);
}

} // namespace

QString ServerText::visible(const QString &text)
{
    if (std::none_of(text.cbegin(), text.cend(), [](QChar ch) { return isBidiControl(ch.unicode()); }))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar ch : text) {
        if (isBidiControl(ch.unicode()))
            out += QStringLiteral("[U+%1]").arg(QString::number(ch.unicode(), 16).toUpper());
        else
            out += ch;
    }
    return out;
}

QString ServerText::toolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QStringLiteral("<p>") + visible(text).toHtmlEscaped() + QStringLiteral("</p>");
}
