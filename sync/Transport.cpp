// SPDX-License-Identifier: GPL-3.0-or-later
#include "Transport.h"

namespace chorus::sync {

QByteArray HttpResponse::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName) {
            return value;
        }
    }
    return {};
}

} // namespace chorus::sync
