// SPDX-License-Identifier: GPL-3.0-or-later
#include "WardBoundaries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>

#include <cmath>

namespace chorus::platform {

namespace {
Error invalid(const QString &what)
{
    return makeError(ErrorKind::InvalidInput,
                     QStringLiteral("Ward boundaries: %1. Use a GeoJSON FeatureCollection of ward polygons.").arg(what));
}

std::optional<QList<QPointF>> readRing(const QJsonArray &positions)
{
    QList<QPointF> ring;
    for (const QJsonValue &p : positions) {
        const QJsonArray pair = p.toArray();
        if (pair.size() < 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble()) {
            return std::nullopt;
        }
        ring.append(QPointF(pair.at(0).toDouble(), pair.at(1).toDouble()));
    }
    if (ring.size() < 4) {
        return std::nullopt;
    }
    return ring;
}
} // namespace

Result<WardBoundaries> WardBoundaries::fromGeoJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return invalid(QStringLiteral("not JSON (%1)").arg(error.errorString()));
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("type")).toString() != u"FeatureCollection") {
        return invalid(QStringLiteral("the top level is not a FeatureCollection"));
    }
    WardBoundaries result;
    const QJsonArray features = root.value(QStringLiteral("features")).toArray();
    for (qsizetype i = 0; i < features.size(); ++i) {
        const QJsonObject feature = features.at(i).toObject();
        const QJsonObject props = feature.value(QStringLiteral("properties")).toObject();
        const QJsonObject geometry = feature.value(QStringLiteral("geometry")).toObject();
        Area area;
        area.ward.code = props.value(QStringLiteral("code")).toString();
        area.ward.name = props.value(QStringLiteral("name")).toString();
        if (area.ward.code.isEmpty() || area.ward.name.isEmpty()) {
            return invalid(QStringLiteral("feature %1 has no \"code\" or \"name\" property").arg(i));
        }
        const QString type = geometry.value(QStringLiteral("type")).toString();
        QJsonArray polygons = geometry.value(QStringLiteral("coordinates")).toArray();
        if (type == u"Polygon") {
            polygons = QJsonArray{polygons};
        } else if (type != u"MultiPolygon") {
            return invalid(QStringLiteral("feature %1 (%2) is a %3, not a Polygon or MultiPolygon")
                               .arg(i)
                               .arg(area.ward.code, type));
        }
        for (const QJsonValue &polygon : polygons) {
            QList<Ring> rings;
            for (const QJsonValue &ringValue : polygon.toArray()) {
                auto ring = readRing(ringValue.toArray());
                if (!ring) {
                    return invalid(QStringLiteral("feature %1 (%2) has a ring that is not a closed list of "
                                                  "[longitude, latitude] pairs")
                                       .arg(i)
                                       .arg(area.ward.code));
                }
                rings.append(*ring);
            }
            if (!rings.isEmpty()) {
                area.polygons.append(rings);
            }
        }
        result.m_areas.append(area);
    }
    return result;
}

QList<WardBoundaries::Ward> WardBoundaries::wards() const
{
    QList<Ward> list;
    for (const Area &a : m_areas) {
        list.append(a.ward);
    }
    return list;
}

// Even-odd ray casting; boundaries are a few hundred metres across, so a planar test on
// degrees is exact enough.
bool WardBoundaries::inside(const Ring &ring, const QPointF &point)
{
    bool in = false;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const QPointF &a = ring.at(i);
        const QPointF &b = ring.at(j);
        if ((a.y() > point.y()) != (b.y() > point.y())
            && point.x() < (b.x() - a.x()) * (point.y() - a.y()) / (b.y() - a.y()) + a.x()) {
            in = !in;
        }
    }
    return in;
}

std::optional<WardBoundaries::Ward> WardBoundaries::wardAt(const QGeoCoordinate &position) const
{
    if (!position.isValid()) {
        return std::nullopt;
    }
    const QPointF point(position.longitude(), position.latitude());
    for (const Area &area : m_areas) {
        for (const QList<Ring> &polygon : area.polygons) {
            if (!inside(polygon.constFirst(), point)) {
                continue;
            }
            bool inHole = false;
            for (qsizetype h = 1; h < polygon.size() && !inHole; ++h) {
                inHole = inside(polygon.at(h), point);
            }
            if (!inHole) {
                return area.ward;
            }
        }
    }
    return std::nullopt;
}

QGeoCoordinate coarsen(const QGeoCoordinate &position, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return QGeoCoordinate(std::round(position.latitude() * scale) / scale,
                          std::round(position.longitude() * scale) / scale);
}

} // namespace chorus::platform
