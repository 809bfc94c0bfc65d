// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariantList>
#include <QVariantMap>

namespace chorus::survey {
class FormEngine;
}

namespace chorus::ui::RepeatView {

// The repeat instance a page belongs to, for its caption ("Person 2") and its Remove button:
// {name, label, instance, count, canRemove}; empty when the page is not inside a repeat.
QVariantMap instanceOf(const survey::FormEngine &engine, const QString &path);

// The repeats that may grow from this page: [{name, label, count, max}]. A repeat offers
// "Add another" on the last page of its last instance, or, while it has no instance at all, on
// the page that comes just before where its first instance would be.
QVariantList addableAfter(const survey::FormEngine &engine, const QString &path);

// The first page of instance `instance` of `repeat`, "" when there is none.
QString firstPageOf(const survey::FormEngine &engine, const QString &repeat, int instance);

} // namespace chorus::ui::RepeatView
