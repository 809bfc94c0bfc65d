// SPDX-License-Identifier: GPL-3.0-or-later
// Where FocusInView scrolls a page so the focused control shows (WCAG 2.4.11). The whole
// mechanism, driven by real Tab presses on the welcome page, is in tst_accessibility.
#include "FocusInView.h"

#include <QTest>

using chorus::ui::FocusInView;

class TstFocusInView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A view 600 high over a page 2000 high, a margin of 16.
    void itemAlreadyShowing_staysPut()
    {
        QCOMPARE(FocusInView::contentYShowing({ 0, 300, 100, 50 }, 100, 600, 2000, 16), 100.0);
    }

    void itemBelowTheFold_scrollsJustEnoughToShowItWithItsMargin()
    {
        QCOMPARE(FocusInView::contentYShowing({ 0, 900, 100, 50 }, 0, 600, 2000, 16), 366.0);
    }

    void itemAboveTheView_scrollsUpToItsTop()
    {
        QCOMPARE(FocusInView::contentYShowing({ 0, 200, 100, 50 }, 500, 600, 2000, 16), 184.0);
    }

    void itemTallerThanTheView_showsItsTop()
    {
        QCOMPARE(FocusInView::contentYShowing({ 0, 700, 100, 900 }, 0, 600, 2000, 16), 684.0);
    }

    void itemAtThePageEnds_neverScrollsPastThem()
    {
        QCOMPARE(FocusInView::contentYShowing({ 0, 1980, 100, 20 }, 0, 600, 2000, 16), 1400.0);
        QCOMPARE(FocusInView::contentYShowing({ 0, 4, 100, 20 }, 300, 600, 2000, 16), 0.0);
        QCOMPARE(FocusInView::contentYShowing({ 0, 400, 100, 20 }, 0, 600, 300, 16), 0.0); // page shorter than view
    }
};

QTEST_GUILESS_MAIN(TstFocusInView)
#include "tst_focusinview.moc"
