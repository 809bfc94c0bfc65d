// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading a window the way a screen reader does (its accessibility tree) and finding items by
// objectName, for the accessibility and keyboard tests.
#include <QAccessible>
#include <QQuickItem>
#include <QString>
#include <QStringList>

namespace accessible_tree
{

inline bool isActionable(QAccessibleInterface *iface)
{
    if (iface->state().focusable) {
        return true;
    }
    if (QAccessibleActionInterface *actions = iface->actionInterface()) {
        return !actions->actionNames().isEmpty();
    }
    return false;
}

// Every visible control a person could act on that has no name or no role, as "path (role n)".
inline void collectProblems(QAccessibleInterface *iface, const QString &path, QStringList &problems)
{
    if (!iface || !iface->isValid() || iface->state().invisible) {
        return;
    }
    const QString name = iface->text(QAccessible::Name).trimmed();
    const QString type = QLatin1String(iface->object() ? iface->object()->metaObject()->className() : "?");
    const QString here = QStringLiteral("%1/%2[%3]").arg(path, type, name);
    const QAccessible::Role role = iface->role();
    if (isActionable(iface) && (name.isEmpty() || role == QAccessible::NoRole || role == QAccessible::Client)) {
        problems << QStringLiteral("%1 (role %2)").arg(here).arg(int(role));
    }
    for (int i = 0; i < iface->childCount(); ++i) {
        collectProblems(iface->child(i), here, problems);
    }
}

inline void countNodes(QAccessibleInterface *iface, int &nodes)
{
    if (!iface || !iface->isValid() || iface->state().invisible) {
        return;
    }
    ++nodes;
    for (int i = 0; i < iface->childCount(); ++i) {
        countNodes(iface->child(i), nodes);
    }
}

// Visible items only: the pages under the current one are hidden and hold the same names.
inline QQuickItem *findIn(QQuickItem *item, const QString &objectName)
{
    if (!item->isVisible()) {
        return nullptr;
    }
    if (item->objectName() == objectName) {
        return item;
    }
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findIn(child, objectName)) {
            return found;
        }
    }
    return nullptr;
}

} // namespace accessible_tree
