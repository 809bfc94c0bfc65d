// SPDX-License-Identifier: GPL-3.0-or-later
#include "PullState.h"

#include "ReplyNumbers.h"

#include "common/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace chorus::sync {

namespace {
constexpr qint64 kMaxStateBytes = 16 * 1024 * 1024;
const QString kDamaged = QStringLiteral("damaged");
} // namespace

QString pullStatePath(const QString &outDir)
{
    return QDir(outDir).filePath(QStringLiteral("pull-state.json"));
}

Result<PullState> readPullState(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return PullState{};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot read %1").arg(path));
    }
    const QJsonObject state = QJsonDocument::fromJson(file.read(kMaxStateBytes)).object();
    const Result<qint64> cursor = replyInteger(state, QStringLiteral("cursor"), 0, kMaxReplyInteger, QStringLiteral("cursor"));
    const Result<qint64> withdrawalCursor = replyInteger(state, QStringLiteral("withdrawalCursor"), 0, kMaxReplyInteger,
                                                         QStringLiteral("withdrawal cursor"), 0);
    const QJsonValue damaged = state.value(kDamaged);
    if (!cursor || !withdrawalCursor || !(damaged.isUndefined() || damaged.isArray())) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("%1 is damaged (no usable cursor): delete it to pull everything again")
                             .arg(path));
    }
    PullState out{*cursor, *withdrawalCursor, {}, state.value(QStringLiteral("endpoint")).toString()};
    for (const QJsonValue &value : damaged.toArray()) {
        const QJsonObject o = value.toObject();
        const Result<qint64> id = replyInteger(o, QStringLiteral("id"), 1, kMaxReplyInteger, QStringLiteral("damaged id"));
        const QString instanceId = o.value(QStringLiteral("instanceId")).toString();
        if (!id || instanceId.isEmpty() || !o.value(QStringLiteral("listing")).isObject()) {
            return makeError(ErrorKind::InvalidInput,
                             QStringLiteral("%1 is damaged (its list of damaged submissions is unreadable): delete it "
                                            "to pull everything again")
                                 .arg(path));
        }
        out.damaged.append({instanceId, *id, o.value(QStringLiteral("reason")).toString(),
                            o.value(QStringLiteral("detectedAt")).toString(),
                            o.value(QStringLiteral("listing")).toObject()});
    }
    return out;
}

Status writePullState(const QString &path, const PullState &state)
{
    QJsonArray damaged;
    for (const DamagedSubmission &d : state.damaged) {
        damaged.append(QJsonObject{{QStringLiteral("instanceId"), d.instanceId},
                                   {QStringLiteral("id"), d.id},
                                   {QStringLiteral("reason"), d.reason},
                                   {QStringLiteral("detectedAt"), d.detectedAt},
                                   {QStringLiteral("listing"), d.listing}});
    }
    QJsonObject json{{QStringLiteral("cursor"), state.submissions},
                     {QStringLiteral("withdrawalCursor"), state.withdrawals},
                     {QStringLiteral("endpoint"), state.endpoint}};
    if (!damaged.isEmpty()) {
        json.insert(kDamaged, damaged);
    }
    const QByteArray bytes = QJsonDocument(json).toJson();
    return writeFileAtomically(path, bytes);
}

Status forgetDamagedSubmission(const QString &outDir, const QString &instanceId)
{
    const QString path = pullStatePath(outDir);
    Result<PullState> state = readPullState(path);
    if (!state) {
        return state.error();
    }
    const qsizetype removed = state->damaged.removeIf([&](const DamagedSubmission &d) { return d.instanceId == instanceId; });
    if (removed == 0) {
        return makeError(ErrorKind::NotFound,
                         QStringLiteral("%1 is not in the list of damaged submissions in %2").arg(instanceId, path));
    }
    return writePullState(path, *state);
}

} // namespace chorus::sync
