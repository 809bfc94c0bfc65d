// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QObject>

namespace chorus::ui {

// The colours of one look. Pairs the contrast test checks: text-like tokens against the
// background they sit on (>= 4.5:1), component tokens (borders, focus ring, button fill)
// against the page (>= 3:1).
struct Palette {
    QColor background;    // page
    QColor surface;       // panels, inset text, secondary button fill
    QColor text;
    QColor secondaryText; // hints
    QColor link;
    QColor border;        // input and choice outlines
    QColor primary;       // primary button fill
    QColor primaryText;
    QColor secondaryButtonBorder;
    QColor focusRing;     // drawn around the focused control
    QColor focusHalo;     // inside the ring, so it reads on any fill
    QColor error;
    QColor selected;      // the dot or tick of a chosen option
};

// Design tokens in one place, GOV.UK-like: calm, high contrast, big targets. Built in main()
// and shared with QML; the respondent's text size and contrast choices live here, so every
// control follows them at once. Sizes are in device-independent pixels.
class Theme : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY paletteChanged)
    Q_PROPERTY(int textScale READ textScale WRITE setTextScale NOTIFY textScaleChanged)
    // True while the look is the device's default (the respondent has changed nothing).
    Q_PROPERTY(bool atDefaults READ atDefaults NOTIFY atDefaultsChanged)

    Q_PROPERTY(QColor background READ background NOTIFY paletteChanged)
    Q_PROPERTY(QColor surface READ surface NOTIFY paletteChanged)
    Q_PROPERTY(QColor text READ text NOTIFY paletteChanged)
    Q_PROPERTY(QColor secondaryText READ secondaryText NOTIFY paletteChanged)
    Q_PROPERTY(QColor link READ link NOTIFY paletteChanged)
    Q_PROPERTY(QColor border READ border NOTIFY paletteChanged)
    Q_PROPERTY(QColor primary READ primary NOTIFY paletteChanged)
    Q_PROPERTY(QColor primaryText READ primaryText NOTIFY paletteChanged)
    Q_PROPERTY(QColor secondaryButtonBorder READ secondaryButtonBorder NOTIFY paletteChanged)
    Q_PROPERTY(QColor focusRing READ focusRing NOTIFY paletteChanged)
    Q_PROPERTY(QColor focusHalo READ focusHalo NOTIFY paletteChanged)
    Q_PROPERTY(QColor error READ error NOTIFY paletteChanged)
    Q_PROPERTY(QColor selected READ selected NOTIFY paletteChanged)

    Q_PROPERTY(qreal bodySize READ bodySize NOTIFY textScaleChanged)
    Q_PROPERTY(qreal hintSize READ hintSize NOTIFY textScaleChanged)
    Q_PROPERTY(qreal headingSize READ headingSize NOTIFY textScaleChanged)
    Q_PROPERTY(qreal titleSize READ titleSize NOTIFY textScaleChanged)
    Q_PROPERTY(qreal countdownSize READ countdownSize NOTIFY textScaleChanged)

    Q_PROPERTY(int spacingS READ spacingS CONSTANT)
    Q_PROPERTY(int spacingM READ spacingM CONSTANT)
    Q_PROPERTY(int spacingL READ spacingL CONSTANT)
    Q_PROPERTY(int minTarget READ minTarget CONSTANT)
    Q_PROPERTY(int focusWidth READ focusWidth CONSTANT)
    Q_PROPERTY(int borderWidth READ borderWidth CONSTANT)
    Q_PROPERTY(int choiceIndicator READ choiceIndicator CONSTANT)
    Q_PROPERTY(int maxContentWidth READ maxContentWidth CONSTANT)

public:
    static constexpr int minTextScale = 100;
    static constexpr int maxTextScale = 200;

    explicit Theme(QObject *parent = nullptr);

    static Palette normalPalette();
    static Palette highContrastPalette();
    // WCAG 2.x contrast ratio between two opaque colours (1 to 21).
    static double contrastRatio(const QColor &a, const QColor &b);

    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    int textScale() const { return m_textScale; }
    void setTextScale(int percent); // clamped to 100..200
    // The look every screen returns to (after each respondent, on the operator's home): what
    // main() was given (--text-scale, --high-contrast), or what staff chose on home. Applies it.
    void setDefaults(int textScale, bool highContrast);
    Q_INVOKABLE void keepAsDefaults() { setDefaults(m_textScale, m_highContrast); }
    Q_INVOKABLE void resetToDefaults();
    bool atDefaults() const { return m_textScale == m_defaultTextScale && m_highContrast == m_defaultHighContrast; }

    const Palette &palette() const { return m_palette; }
    QColor background() const { return m_palette.background; }
    QColor surface() const { return m_palette.surface; }
    QColor text() const { return m_palette.text; }
    QColor secondaryText() const { return m_palette.secondaryText; }
    QColor link() const { return m_palette.link; }
    QColor border() const { return m_palette.border; }
    QColor primary() const { return m_palette.primary; }
    QColor primaryText() const { return m_palette.primaryText; }
    QColor secondaryButtonBorder() const { return m_palette.secondaryButtonBorder; }
    QColor focusRing() const { return m_palette.focusRing; }
    QColor focusHalo() const { return m_palette.focusHalo; }
    QColor error() const { return m_palette.error; }
    QColor selected() const { return m_palette.selected; }

    qreal bodySize() const { return scaled(19); }
    qreal hintSize() const { return scaled(19); }
    qreal headingSize() const { return scaled(32); }
    qreal titleSize() const { return scaled(40); }
    qreal countdownSize() const { return scaled(64); }

    int spacingS() const { return 10; }
    int spacingM() const { return 20; }
    int spacingL() const { return 40; }
    int minTarget() const { return 48; }
    int focusWidth() const { return 3; }
    int borderWidth() const { return 2; }
    int choiceIndicator() const { return 40; }
    int maxContentWidth() const { return 760; }

Q_SIGNALS:
    void paletteChanged();
    void textScaleChanged();
    void atDefaultsChanged();

private:
    qreal scaled(int px) const { return px * m_textScale / 100.0; }

    bool m_highContrast = false;
    int m_textScale = minTextScale;
    bool m_defaultHighContrast = false;
    int m_defaultTextScale = minTextScale;
    Palette m_palette;
};

} // namespace chorus::ui
