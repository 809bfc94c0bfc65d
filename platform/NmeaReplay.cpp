// SPDX-License-Identifier: GPL-3.0-or-later
#include "NmeaReplay.h"

#include <QFile>
#include <QNmeaPositionInfoSource>

namespace chorus::platform {

std::unique_ptr<QGeoPositionInfoSource> nmeaReplaySource(const QString &path, double userEquivalentRangeError,
                                                         int updateIntervalMs)
{
    auto source = std::make_unique<QNmeaPositionInfoSource>(QNmeaPositionInfoSource::SimulationMode);
    // The file lives as long as the source that reads it.
    auto *file = new QFile(path, source.get());
    if (!file->open(QIODevice::ReadOnly)) {
        return nullptr;
    }
    source->setDevice(file);
    source->setUserEquivalentRangeError(userEquivalentRangeError);
    source->setUpdateInterval(updateIntervalMs);
    return source;
}

} // namespace chorus::platform
