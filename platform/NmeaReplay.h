// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGeoPositionInfoSource>
#include <QString>

#include <memory>

namespace chorus::platform {

// A position source that replays a recorded NMEA 0183 log (GPRMC + GPGGA) at the pace of its
// timestamps: the stand-in for a GPS in tests and demonstrations (`chorus --nmea FILE`).
// Accuracy is Qt's 2 × UERE × HDOP, so with the default 2.5 m an HDOP of 8 reads as 40 m.
// Null when the file cannot be opened.
std::unique_ptr<QGeoPositionInfoSource> nmeaReplaySource(const QString &path, double userEquivalentRangeError = 2.5,
                                                         int updateIntervalMs = 100);

} // namespace chorus::platform
