// SPDX-License-Identifier: GPL-3.0-or-later
#include "Response.h"

#include <QRegularExpression>
#include <QUuid>

namespace chorus::response {

QString newInstanceId()
{
    return QStringLiteral("uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

bool isValidInstanceId(const QString &instanceId)
{
    static const QRegularExpression re(QStringLiteral(
        "^uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return re.match(instanceId).hasMatch();
}

bool isValidWardCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[ENSW][0-9]{8}$"));
    return re.match(code).hasMatch();
}

QString repeatAnswerPath(const QString &repeat, int instance, const QString &name)
{
    return QStringLiteral("%1[%2]/%3").arg(repeat).arg(instance).arg(name);
}

} // namespace chorus::response
