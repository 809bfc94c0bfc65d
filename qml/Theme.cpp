// SPDX-License-Identifier: GPL-3.0-or-later
#include "Theme.h"

#include <QtMath>

#include <algorithm>

namespace chorus::ui {

namespace {
double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

Theme::Theme(QObject *parent) : QObject(parent), m_palette(normalPalette()) {}

// The GOV.UK Design System's colours: residents have met them on council and government
// services, and they were chosen for contrast.
Palette Theme::normalPalette()
{
    Palette p;
    p.background = QColor(0xff, 0xff, 0xff);
    p.surface = QColor(0xf3, 0xf2, 0xf1);
    p.text = QColor(0x0b, 0x0c, 0x0c);
    p.secondaryText = QColor(0x50, 0x5a, 0x5f);
    p.link = QColor(0x1d, 0x70, 0xb8);
    p.border = QColor(0x0b, 0x0c, 0x0c);
    p.primary = QColor(0x00, 0x70, 0x3c);
    p.primaryText = QColor(0xff, 0xff, 0xff);
    p.secondaryButtonBorder = QColor(0x50, 0x5a, 0x5f);
    p.focusRing = QColor(0x0b, 0x0c, 0x0c);
    p.focusHalo = QColor(0xff, 0xdd, 0x00);
    p.error = QColor(0xd4, 0x35, 0x1c);
    p.selected = QColor(0x0b, 0x0c, 0x0c);
    return p;
}

// Light on black, yellow actions: the usual high-contrast scheme of OS accessibility settings.
Palette Theme::highContrastPalette()
{
    Palette p;
    p.background = QColor(0x00, 0x00, 0x00);
    p.surface = QColor(0x1a, 0x1a, 0x1a);
    p.text = QColor(0xff, 0xff, 0xff);
    p.secondaryText = QColor(0xe6, 0xe6, 0xe6);
    p.link = QColor(0xff, 0xff, 0x00);
    p.border = QColor(0xff, 0xff, 0xff);
    p.primary = QColor(0xff, 0xff, 0x00);
    p.primaryText = QColor(0x00, 0x00, 0x00);
    p.secondaryButtonBorder = QColor(0xff, 0xff, 0xff);
    p.focusRing = QColor(0x00, 0xff, 0xff);
    p.focusHalo = QColor(0x00, 0x00, 0x00);
    p.error = QColor(0xff, 0x8c, 0x8c);
    p.selected = QColor(0xff, 0xff, 0x00);
    return p;
}

double Theme::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void Theme::setHighContrast(bool on)
{
    if (on == m_highContrast) {
        return;
    }
    m_highContrast = on;
    m_palette = on ? highContrastPalette() : normalPalette();
    Q_EMIT paletteChanged();
    Q_EMIT atDefaultsChanged();
}

void Theme::setTextScale(int percent)
{
    const int clamped = std::clamp(percent, minTextScale, maxTextScale);
    if (clamped == m_textScale) {
        return;
    }
    m_textScale = clamped;
    Q_EMIT textScaleChanged();
    Q_EMIT atDefaultsChanged();
}

void Theme::setDefaults(int textScale, bool highContrast)
{
    m_defaultTextScale = std::clamp(textScale, minTextScale, maxTextScale);
    m_defaultHighContrast = highContrast;
    resetToDefaults();
    Q_EMIT atDefaultsChanged();
}

void Theme::resetToDefaults()
{
    setHighContrast(m_defaultHighContrast);
    setTextScale(m_defaultTextScale);
}

} // namespace chorus::ui
