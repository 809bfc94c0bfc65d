// SPDX-License-Identifier: GPL-3.0-or-later
// The theme's colours meet WCAG 2.2 AA in both looks, computed from the tokens themselves.
#include "Theme.h"

#include <QSignalSpy>
#include <QTest>

using chorus::ui::Palette;
using chorus::ui::Theme;

class TstTheme : public QObject
{
    Q_OBJECT

private:
    static void requireContrast(const char *what, const QColor &a, const QColor &b, double minimum)
    {
        const double ratio = Theme::contrastRatio(a, b);
        if (ratio < minimum) {
            QFAIL(qPrintable(QStringLiteral("%1: %2 on %3 is %4:1, needs %5:1")
                                 .arg(QLatin1String(what), a.name(), b.name())
                                 .arg(ratio, 0, 'f', 2)
                                 .arg(minimum)));
        }
    }

private Q_SLOTS:
    void contrastRatio_matchesWcagReferenceValues()
    {
        QCOMPARE(Theme::contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(Theme::contrastRatio(Qt::white, Qt::white), 1.0);
        // #767676 on white is the well-known lightest grey that passes 4.5:1.
        QVERIFY(qAbs(Theme::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void palette_data()
    {
        QTest::addColumn<bool>("highContrast");
        QTest::newRow("normal") << false;
        QTest::newRow("high contrast") << true;
    }

    void palette_textTokens_reachFourPointFiveToOne_data() { palette_data(); }
    void palette_textTokens_reachFourPointFiveToOne()
    {
        QFETCH(bool, highContrast);
        const Palette p = highContrast ? Theme::highContrastPalette() : Theme::normalPalette();
        requireContrast("text", p.text, p.background, 4.5);
        requireContrast("text on surface", p.text, p.surface, 4.5);
        requireContrast("hint", p.secondaryText, p.background, 4.5);
        requireContrast("link", p.link, p.background, 4.5);
        requireContrast("error message", p.error, p.background, 4.5);
        requireContrast("primary button label", p.primaryText, p.primary, 4.5);
        requireContrast("header (background colour on text colour)", p.background, p.text, 4.5);
        requireContrast("secondary button label", p.text, p.surface, 4.5);
    }

    void palette_componentTokens_reachThreeToOne_data() { palette_data(); }
    void palette_componentTokens_reachThreeToOne()
    {
        QFETCH(bool, highContrast);
        const Palette p = highContrast ? Theme::highContrastPalette() : Theme::normalPalette();
        requireContrast("input and choice outline", p.border, p.background, 3.0);
        requireContrast("selected dot or tick", p.selected, p.background, 3.0);
        requireContrast("primary button fill", p.primary, p.background, 3.0);
        requireContrast("secondary button outline", p.secondaryButtonBorder, p.background, 3.0);
        requireContrast("secondary button outline on its fill", p.secondaryButtonBorder, p.surface, 3.0);
        requireContrast("error outline", p.error, p.background, 3.0);
        requireContrast("focus ring", p.focusRing, p.background, 3.0);
        requireContrast("focus halo inside the ring", p.focusHalo, p.focusRing, 3.0);
        requireContrast("focus halo against a primary button", p.focusHalo, p.primary, 3.0);
    }

    void textScale_isClampedTo100To200Percent()
    {
        Theme theme;
        QSignalSpy changed(&theme, &Theme::textScaleChanged);
        theme.setTextScale(250);
        QCOMPARE(theme.textScale(), 200);
        QCOMPARE(theme.bodySize(), 38.0);
        theme.setTextScale(50);
        QCOMPARE(theme.textScale(), 100);
        QCOMPARE(changed.count(), 2);
    }

    void resetToDefaults_restoresNormalPaletteAndSize()
    {
        Theme theme;
        theme.setHighContrast(true);
        theme.setTextScale(150);
        QCOMPARE(theme.background(), Theme::highContrastPalette().background);
        theme.resetToDefaults();
        QVERIFY(!theme.highContrast());
        QCOMPARE(theme.textScale(), 100);
        QCOMPARE(theme.background(), Theme::normalPalette().background);
    }

    // --text-scale and --high-contrast (or staff's choice on home) are the device's look: going
    // home after unlock and clearing after a respondent used to drop them back to 100 % normal.
    void resetToDefaults_afterSetDefaults_restoresTheDevicesLook()
    {
        Theme theme;
        theme.setDefaults(150, true);
        QCOMPARE(theme.textScale(), 150);
        QVERIFY(theme.highContrast());
        QVERIFY(theme.atDefaults());
        theme.setTextScale(200);
        theme.setHighContrast(false);
        QVERIFY(!theme.atDefaults());
        theme.resetToDefaults();
        QCOMPARE(theme.textScale(), 150);
        QVERIFY(theme.highContrast());
        QVERIFY(theme.atDefaults());
    }

    void keepAsDefaults_makesTheCurrentLookTheOneToReturnTo()
    {
        Theme theme;
        QSignalSpy atDefaults(&theme, &Theme::atDefaultsChanged);
        theme.setTextScale(200);
        QVERIFY(!theme.atDefaults());
        theme.keepAsDefaults();
        QVERIFY(theme.atDefaults());
        QVERIFY(atDefaults.count() >= 2);
        theme.setTextScale(100);
        theme.resetToDefaults();
        QCOMPARE(theme.textScale(), 200);
    }

    void minimumTarget_isAtLeast48()
    {
        Theme theme;
        QVERIFY(theme.minTarget() >= 48);
        QVERIFY(theme.focusWidth() >= 2);
    }
};

QTEST_GUILESS_MAIN(TstTheme)
#include "tst_theme.moc"
