// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QGeoCoordinate>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace chorus::platform {

// The wards of a council area, to turn an event's position into the ward it was held in.
// Read from GeoJSON (a FeatureCollection of Polygon / MultiPolygon features with "code" and
// "name" properties, WGS 84 longitude-latitude, as ONS boundary files are published), which is
// how a survey package can carry them. Holes in polygons are honoured.
class WardBoundaries
{
public:
    struct Ward {
        QString code; // ONS ward code, e.g. "E05013926"
        QString name;
    };

    static Result<WardBoundaries> fromGeoJson(const QByteArray &json);

    QList<Ward> wards() const;
    // The ward containing `position`, if any.
    std::optional<Ward> wardAt(const QGeoCoordinate &position) const;

private:
    using Ring = QList<QPointF>; // x = longitude, y = latitude
    struct Area {
        Ward ward;
        QList<QList<Ring>> polygons; // each polygon: outer ring, then holes
    };
    static bool inside(const Ring &ring, const QPointF &point);

    QList<Area> m_areas;
};

// Where an event was, no more precisely than needed: rounded to `decimals` decimal places of a
// degree (3 places is about 110 m of latitude), so a stored event location cannot point at a
// house.
QGeoCoordinate coarsen(const QGeoCoordinate &position, int decimals = 3);

} // namespace chorus::platform
