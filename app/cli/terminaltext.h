#pragma once

#include <QString>

// Server text (names, tags, error_text) printed by the command line is data: control characters
// (C0, DEL, C1, among them ESC and CSI) become U+FFFD and bidirectional controls are shown as
// "[U+202E]" (ServerText::visible), so a hostile campaign name cannot move the cursor, recolour
// the terminal, set its title or reorder what is printed around it.
namespace TerminalText {

QString plain(const QString &text);

} // namespace TerminalText
