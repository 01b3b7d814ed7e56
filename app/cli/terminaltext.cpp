#include "terminaltext.h"

#include "servertext.h"

namespace TerminalText {

QString plain(const QString &text)
{
    QString out = ServerText::visible(text);
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            c = QChar::ReplacementCharacter;
    }
    return out;
}

} // namespace TerminalText
