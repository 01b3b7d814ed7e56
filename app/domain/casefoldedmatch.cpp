#include "casefoldedmatch.h"

#include <QChar>

#include <algorithm>
#include <memory>

namespace {

// Every UTF-16 code unit folded. Outside the surrogates QString::toCaseFolded() folds unit by
// unit and keeps the length (all 63,488 checked), so a text matches unit by unit through this
// table; a surrogate maps to itself and sends the text the slow way.
const char16_t *foldTable()
{
    static const std::unique_ptr<char16_t[]> table = [] {
        auto t = std::make_unique<char16_t[]>(0x10000);
        for (char32_t c = 0; c < 0x10000; ++c)
            t[c] = QChar::isSurrogate(c) ? char16_t(c) : char16_t(QChar::toCaseFolded(c));
        return t;
    }();
    return table.get();
}

} // namespace

CaseFoldedMatch::CaseFoldedMatch(const QString &search) : m_folded(search.toCaseFolded())
{
    foldTable(); // built here, not on the first keystroke's first name
}

bool CaseFoldedMatch::in(QStringView text) const
{
    const qsizetype n = m_folded.size();
    if (n == 0)
        return true;
    const qsizetype size = text.size();
    if (size < n)
        return false;
    const char16_t *fold = foldTable();
    const char16_t *s = text.utf16();
    const char16_t *needle = QStringView(m_folded).utf16();
    for (qsizetype i = 0; i + n <= size; ++i) {
        if (fold[s[i]] != needle[0]) {
            if (QChar::isSurrogate(s[i]))
                return text.toString().toCaseFolded().contains(m_folded); // folds in pairs
            continue;
        }
        qsizetype j = 1;
        while (j < n && fold[s[i + j]] == needle[j])
            ++j;
        if (j == n)
            return true;
    }
    // The last n - 1 units were not looked at as a start; a surrogate among them can still fold.
    for (qsizetype i = std::max<qsizetype>(size - n + 1, 0); i < size; ++i) {
        if (QChar::isSurrogate(s[i]))
            return text.toString().toCaseFolded().contains(m_folded);
    }
    return false;
}
