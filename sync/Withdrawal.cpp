// SPDX-License-Identifier: GPL-3.0-or-later
#include "Withdrawal.h"

namespace chorus::sync {

OutboxItem makeWithdrawalRequest(const QString &requestInstanceId, const QString &targetInstanceId,
                                 const QDateTime &requestedAt)
{
    OutboxItem item;
    item.kind = OutboxKind::Withdrawal;
    item.instanceId = requestInstanceId;
    item.manifest = "<chorus-withdrawal xmlns=\"https://chorus.invalid/ns/withdrawal/1\"><meta><instanceID>"
                    + requestInstanceId.toHtmlEscaped().toUtf8() + "</instanceID></meta><target>"
                    + targetInstanceId.toHtmlEscaped().toUtf8() + "</target><requestedAt>"
                    + requestedAt.toUTC().toString(Qt::ISODate).toUtf8() + "</requestedAt></chorus-withdrawal>";
    return item;
}

} // namespace chorus::sync
