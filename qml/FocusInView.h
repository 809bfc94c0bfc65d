// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

class QQuickWindow;

namespace chorus::ui
{

// Keeps keyboard focus on screen (WCAG 2.4.11): whenever focus moves to an item inside
// `flickable`, the page scrolls just enough to show that item and a margin around it. Without
// it, Tab at 150 % text focused "Start now" below the window and Space started the survey unseen.
// One per Flickable page: FocusInView { flickable: flick }. Only the vertical axis scrolls,
// since pages never scroll sideways; an item taller than the page shows its top.
class FocusInView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickItem *flickable READ flickable WRITE setFlickable NOTIFY flickableChanged)
    Q_PROPERTY(qreal margin READ margin WRITE setMargin NOTIFY marginChanged)

public:
    explicit FocusInView(QObject *parent = nullptr);

    QQuickItem *flickable() const { return m_flickable; }
    void setFlickable(QQuickItem *flickable);
    qreal margin() const { return m_margin; }
    void setMargin(qreal margin);

    // The contentY that shows `item` (in `content` coordinates) within a view `viewHeight` high
    // now at `contentY`, with `margin` around it, kept within [0, contentHeight - viewHeight].
    static qreal contentYShowing(
        const QRectF &item, qreal contentY, qreal viewHeight, qreal contentHeight, qreal margin);

Q_SIGNALS:
    void flickableChanged();
    void marginChanged();

private:
    void watchWindow(QQuickWindow *window);
    void showFocusItem();

    QPointer<QQuickItem> m_flickable;
    QMetaObject::Connection m_windowConnection;
    QMetaObject::Connection m_focusConnection;
    qreal m_margin = 16;
};

} // namespace chorus::ui
