// SPDX-License-Identifier: GPL-3.0-or-later
#include "FocusInView.h"

#include <QQuickWindow>

#include <algorithm>

namespace chorus::ui
{

FocusInView::FocusInView(QObject *parent) : QObject(parent) { }

void FocusInView::setFlickable(QQuickItem *flickable)
{
    if (m_flickable == flickable) {
        return;
    }
    QObject::disconnect(m_windowConnection);
    m_flickable = flickable;
    if (m_flickable) {
        m_windowConnection = connect(m_flickable, &QQuickItem::windowChanged, this, &FocusInView::watchWindow);
        watchWindow(m_flickable->window());
    } else {
        watchWindow(nullptr);
    }
    Q_EMIT flickableChanged();
}

void FocusInView::setMargin(qreal margin)
{
    if (qFuzzyCompare(m_margin, margin)) {
        return;
    }
    m_margin = margin;
    Q_EMIT marginChanged();
}

qreal FocusInView::contentYShowing(
    const QRectF &item, qreal contentY, qreal viewHeight, qreal contentHeight, qreal margin)
{
    const qreal top = item.top() - margin;
    const qreal bottom = item.bottom() + margin;
    qreal y = contentY;
    if (top < contentY || bottom - top > viewHeight) {
        y = top;
    } else if (bottom > contentY + viewHeight) {
        y = bottom - viewHeight;
    }
    return std::clamp(y, 0.0, std::max(0.0, contentHeight - viewHeight));
}

void FocusInView::watchWindow(QQuickWindow *window)
{
    QObject::disconnect(m_focusConnection);
    if (window) {
        m_focusConnection = connect(window, &QQuickWindow::activeFocusItemChanged, this, &FocusInView::showFocusItem);
    }
}

void FocusInView::showFocusItem()
{
    if (!m_flickable || !m_flickable->window() || !m_flickable->isVisible()) {
        return;
    }
    auto *content = m_flickable->property("contentItem").value<QQuickItem *>();
    QQuickItem *focused = m_flickable->window()->activeFocusItem();
    if (!content || !focused || !content->isAncestorOf(focused)) {
        return;
    }
    const QRectF rect = focused->mapRectToItem(content, QRectF(0, 0, focused->width(), focused->height()));
    const qreal contentY = m_flickable->property("contentY").toReal();
    const qreal wanted = contentYShowing(
        rect, contentY, m_flickable->height(), m_flickable->property("contentHeight").toReal(), m_margin);
    if (!qFuzzyCompare(wanted + 1, contentY + 1)) {
        m_flickable->setProperty("contentY", wanted);
    }
}

} // namespace chorus::ui
