#pragma once

#include <QString>

// Text that came from the server (names, descriptions, tags, error_text) is data: shown as plain
// text, never as markup, and never allowed to reorder what is around it.
namespace ServerText {

// Bidirectional controls (U+202A–U+202E, U+2066–U+2069) shown as "[U+202E]", so a name like
// "invoice\u202Egpj.exe" cannot display as "invoiceexe.jpg".
QString visible(const QString &text);

// For a tooltip, which Qt renders as rich text whenever it looks like HTML: escaped, in a <p>,
// so "<img width=30000>" or a link stays literal text.
QString toolTip(const QString &text);

} // namespace ServerText
