// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the sync benchmarks: small encrypted-looking records and percentiles.

#include "Outbox.h"

#include <QRandomGenerator>

#include <algorithm>
#include <vector>

namespace chorus::bench {

inline sync::OutboxItem envelope(const QString &prefix, int index)
{
    sync::OutboxItem item;
    item.instanceId = QStringLiteral("uuid:%1-%2").arg(prefix).arg(index);
    QByteArray bytes(2048, Qt::Uninitialized);
    for (char &c : bytes) {
        c = char(QRandomGenerator::global()->bounded(256));
    }
    item.parts.append({QStringLiteral("submission.xml.enc"), bytes});
    item.manifest = "<data id=\"bench\" encrypted=\"yes\"><meta><instanceID>" + item.instanceId.toUtf8()
                    + "</instanceID></meta><encryptedXmlFile>submission.xml.enc</encryptedXmlFile></data>";
    return item;
}

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[size_t(p * double(values.size() - 1))];
}

} // namespace chorus::bench
