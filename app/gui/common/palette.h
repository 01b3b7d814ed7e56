#pragma once

class QApplication;

// A dark Fusion palette, for desktops whose theme Qt cannot follow on its own
// (CAMPAIGN_MANAGER_PALETTE=dark). Status colours adapt to it (StatusAppearance).
class Palette
{
public:
    static void applyDark(QApplication &app);
};
