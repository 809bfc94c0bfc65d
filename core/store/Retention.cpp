// SPDX-License-Identifier: GPL-3.0-or-later
#include "Retention.h"

#include "Store.h"

namespace chorus::store {

namespace {
QString key()
{
    return QString::fromLatin1(kAcceptedEnvelopeRetentionKey);
}
} // namespace

Result<std::chrono::days> acceptedEnvelopeRetention(SettingsRepository &settings)
{
    auto value = settings.value(key());
    if (!value) {
        return value.error();
    }
    if (!value->has_value()) {
        return kDefaultAcceptedEnvelopeRetention;
    }
    bool ok = false;
    const int days = (*value)->toInt(&ok);
    if (!ok || days < 0) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("the setting %1 is '%2'; it must be a whole number of days (0 = remove "
                                        "as soon as the server has accepted the response)")
                             .arg(key(), **value));
    }
    return std::chrono::days(days);
}

Status setAcceptedEnvelopeRetention(SettingsRepository &settings, std::chrono::days keep)
{
    if (keep.count() < 0) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the retention period cannot be negative"));
    }
    return settings.setValue(key(), QString::number(keep.count()));
}

Result<int> applyRetention(Store &store, const QDateTime &now)
{
    auto keep = acceptedEnvelopeRetention(store.settings());
    if (!keep) {
        return keep.error();
    }
    const auto keepFor = std::chrono::duration_cast<std::chrono::seconds>(*keep);
    return store.responses().removeAcceptedEnvelopes(now.addSecs(-keepFor.count()));
}

} // namespace chorus::store
