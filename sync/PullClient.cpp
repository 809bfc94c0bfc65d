// SPDX-License-Identifier: GPL-3.0-or-later
#include "PullClient.h"

#include "PullState.h"
#include "ReplyNumbers.h"

#include "SyncLogging.h"

#include "common/AtomicFile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#if defined(Q_OS_UNIX)
#include <fcntl.h>
#include <unistd.h>
#endif

namespace chorus::sync {

namespace {

constexpr int kPageSize = 200;

// Atomic and durable on its own: for the cursor file.
Status writeFile(const QString &path, const QByteArray &bytes)
{
    return writeFileAtomically(path, bytes);
}

// Into a staging directory, which is renamed whole: atomicity comes from the rename and
// durability from flushDirectory() before the cursor moves, so no fsync per file.
Status writeStagedFile(const QString &path, const QByteArray &bytes)
{
    AtomicFile file(path, FileAccess::Private, Durability::CallerSyncs);
    if (Status s = file.open(); !s) {
        return s;
    }
    if (Status s = file.write(bytes); !s) {
        return s;
    }
    return file.commit();
}

// Everything written so far reaches the disk before the cursor says it has been pulled.
Status flushFileSystem(const QString &dir)
{
#if defined(Q_OS_LINUX)
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        return makeError(ErrorKind::Io, QStringLiteral("cannot flush %1 to disk").arg(dir));
    }
    ::close(fd);
#elif defined(Q_OS_UNIX)
    Q_UNUSED(dir);
    ::sync();
#else
    Q_UNUSED(dir);
#endif
    return {};
}

} // namespace

PullClient::PullClient(Transport &transport, QUrl serverBase, QByteArray adminToken)
    : m_transport(transport)
    , m_base(std::move(serverBase))
    , m_token(std::move(adminToken))
{
}

QString PullClient::directoryName(const QString &instanceId)
{
    QString name = instanceId;
    name.replace(QLatin1Char(':'), QLatin1Char('-'));
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"));
    return safe.match(name).hasMatch() ? name : QString();
}

Result<QByteArray> PullClient::get(const QString &path, const QString &query)
{
    HttpRequest request;
    request.method = HttpRequest::Method::Get;
    request.url = m_base;
    QString basePath = m_base.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    request.url.setPath(basePath + path);
    request.url.setQuery(query);
    request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_token});
    Result<HttpResponse> reply = m_transport.send(request);
    if (!reply) {
        return reply.error();
    }
    if (reply->status == 401 || reply->status == 403) {
        return makeError(ErrorKind::Permission, QStringLiteral("the receiver refused the admin token (HTTP %1)")
                                                    .arg(reply->status));
    }
    if (reply->status != 200) {
        return makeError(reply->status >= 500 ? ErrorKind::Network : ErrorKind::InvalidInput,
                         QStringLiteral("the receiver answered HTTP %1 for %2").arg(reply->status).arg(path));
    }
    return reply->body;
}

Result<std::optional<QString>> PullClient::fetchSubmission(const QDir &out, const QJsonObject &item, qint64 id,
                                                           const QString &name)
{
    const QString instanceId = item.value(QStringLiteral("instanceId")).toString();
    const QString staging = out.filePath(QStringLiteral("submissions/.partial-") + name);
    QDir(staging).removeRecursively();
    if (Status made = makeDirectory(staging); !made) {
        return made.error();
    }
    const QString base = QStringLiteral("/v1/admin/submissions/%1").arg(id);
    Result<QByteArray> manifest = get(base + QStringLiteral("/manifest"));
    if (!manifest) {
        return manifest.error();
    }
    if (Status s = writeStagedFile(staging + QStringLiteral("/submission.xml"), *manifest); !s) {
        return s.error();
    }
    for (const QJsonValue &fileValue : item.value(QStringLiteral("files")).toArray()) {
        const QJsonObject file = fileValue.toObject();
        const QString fileName = file.value(QStringLiteral("name")).toString();
        if (directoryName(fileName).isEmpty() || fileName.contains(QLatin1Char(':'))
            || fileName == QLatin1String("submission.xml")) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("the receiver listed an unsafe file name"));
        }
        const Result<qint64> listedSize =
            replyInteger(file, QStringLiteral("size"), 0, kMaxReplyBytes, QStringLiteral("size of %1").arg(fileName));
        if (!listedSize) {
            return listedSize.error();
        }
        const QByteArray listedSha256 = file.value(QStringLiteral("sha256")).toString().toLatin1();
        // A second try tells a transfer that went wrong from a stored copy that is damaged.
        Result<QByteArray> bytes = makeError(ErrorKind::Internal, {});
        for (int attempt = 0; attempt < 2; ++attempt) {
            bytes = get(base + QStringLiteral("/files/") + fileName);
            if (!bytes) {
                return bytes.error();
            }
            if (bytes->size() == *listedSize
                && QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex() == listedSha256) {
                break;
            }
            if (attempt == 1) {
                QDir(staging).removeRecursively();
                return std::optional<QString>(
                    QStringLiteral("%1 of %2 does not match the size and SHA-256 the receiver listed for it, twice: "
                                   "the receiver's stored copy is damaged (restore it from the receiver's backup, "
                                   "then retry it)")
                        .arg(fileName, instanceId));
            }
        }
        if (Status s = writeStagedFile(staging + QLatin1Char('/') + fileName, *bytes); !s) {
            return s.error();
        }
    }
    const QString final = out.filePath(QStringLiteral("submissions/") + name);
    QDir(final).removeRecursively();
    if (!QDir().rename(staging, final)) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot move %1 into place").arg(final));
    }
    return std::optional<QString>();
}

Result<PullSummary> PullClient::pull(const QString &outDir, const PullOptions &options)
{
    const QDir out(outDir);
    const QString statePath = pullStatePath(outDir);
    Result<PullState> state = readPullState(statePath);
    if (!state) {
        return state.error();
    }
    state->endpoint = m_base.toDisplayString(QUrl::RemoveUserInfo);
    PullSummary summary;
    summary.cursor = state->submissions;
    summary.withdrawalCursor = state->withdrawals;
    const auto saveState = [&]() -> Status {
        if (Status s = flushFileSystem(out.path()); !s) {
            return s;
        }
        state->submissions = summary.cursor;
        state->withdrawals = summary.withdrawalCursor;
        return writePullState(statePath, *state);
    };
    // Written, recorded as damaged (replacing an older record of it), or an error that stops the run.
    const auto fetch = [&](const QJsonObject &item, qint64 id, const QString &name) -> Status {
        const QString instanceId = item.value(QStringLiteral("instanceId")).toString();
        Result<std::optional<QString>> fetched = fetchSubmission(out, item, id, name);
        if (!fetched) {
            return fetched.error();
        }
        const bool wasDamaged =
            state->damaged.removeIf([&](const DamagedSubmission &d) { return d.instanceId == instanceId; }) > 0;
        if (*fetched) {
            qCWarning(lcSync).noquote() << "pull: skipped" << instanceId << "-" << **fetched;
            state->damaged.append({instanceId, id, **fetched,
                                   QDateTime::currentDateTimeUtc().toString(Qt::ISODate), item});
            ++summary.newlyDamaged;
        } else {
            ++summary.written;
            summary.repaired += wasDamaged ? 1 : 0;
        }
        return {};
    };
    if (options.retryDamaged && !state->damaged.isEmpty()) {
        const QList<DamagedSubmission> again = state->damaged;
        for (const DamagedSubmission &d : again) {
            if (directoryName(d.instanceId).isEmpty()) {
                return makeError(ErrorKind::InvalidInput, QStringLiteral("%1 lists an unusable instanceID").arg(statePath));
            }
            if (Status s = fetch(d.listing, d.id, directoryName(d.instanceId)); !s) {
                return s.error();
            }
        }
        if (Status s = saveState(); !s) {
            return s.error();
        }
    }
    for (;;) {
        Result<QByteArray> page = get(QStringLiteral("/v1/admin/submissions"),
                                      QStringLiteral("cursor=%1&limit=%2").arg(summary.cursor).arg(kPageSize));
        if (!page) {
            return page.error();
        }
        // Only once the receiver has answered: a refused pull (wrong token or address) leaves no folders.
        if (Status made = makeDirectory(out.filePath(QStringLiteral("submissions"))); !made) {
            return made.error();
        }
        const QJsonObject body = QJsonDocument::fromJson(*page).object();
        const QJsonArray items = body.value(QStringLiteral("submissions")).toArray();
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QString instanceId = item.value(QStringLiteral("instanceId")).toString();
            const QString name = directoryName(instanceId);
            const Result<qint64> id = replyInteger(item, QStringLiteral("id"), 1, kMaxReplyInteger, QStringLiteral("submission id"));
            if (!id) {
                return id.error();
            }
            if (name.isEmpty()) {
                return makeError(ErrorKind::InvalidInput,
                                 QStringLiteral("the receiver listed a submission with an unusable id"));
            }
            if (item.value(QStringLiteral("deleted")).toBool()) {
                // Erased on the receiver (withdrawal or admin delete): erase the pulled copy too.
                QDir(out.filePath(QStringLiteral("submissions/") + name)).removeRecursively();
                state->damaged.removeIf([&](const DamagedSubmission &d) { return d.instanceId == instanceId; });
                ++summary.deleted;
                continue;
            }
            if (!item.value(QStringLiteral("complete")).toBool()) {
                ++summary.incomplete;
                continue;
            }
            if (Status s = fetch(item, *id, name); !s) {
                return s.error();
            }
        }
        const Result<qint64> next =
            replyInteger(body, QStringLiteral("cursor"), 0, kMaxReplyInteger, QStringLiteral("pull cursor"), summary.cursor);
        if (!next) {
            return next.error();
        }
        if (*next > summary.cursor) {
            summary.cursor = *next;
            if (Status s = saveState(); !s) {
                return s.error();
            }
        }
        if (!body.value(QStringLiteral("more")).toBool() || items.isEmpty()) {
            break;
        }
    }
    if (Status s = pullWithdrawals(out, summary, saveState); !s) {
        return s.error();
    }
    if (Status s = saveState(); !s) { // the damaged list may have changed without the cursors
        return s.error();
    }
    summary.damaged = state->damaged;
    qCInfo(lcSync) << "pull:" << summary.written << "written," << summary.incomplete << "incomplete,"
                   << summary.damaged.size() << "damaged, cursor" << summary.cursor;
    return summary;
}

Status PullClient::pullWithdrawals(const QDir &out, PullSummary &summary, const std::function<Status()> &saveState)
{
    if (Status made = makeDirectory(out.filePath(QStringLiteral("withdrawals"))); !made) {
        return made.error();
    }
    for (;;) {
        Result<QByteArray> page =
            get(QStringLiteral("/v1/admin/withdrawals"),
                QStringLiteral("cursor=%1&limit=%2").arg(summary.withdrawalCursor).arg(kPageSize));
        if (!page) {
            return page.error();
        }
        // Only once the receiver has answered: a refused pull (wrong token or address) leaves no folders.
        if (Status made = makeDirectory(out.filePath(QStringLiteral("submissions"))); !made) {
            return made.error();
        }
        const QJsonObject body = QJsonDocument::fromJson(*page).object();
        const QJsonArray items = body.value(QStringLiteral("withdrawals")).toArray();
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QString name = directoryName(item.value(QStringLiteral("requestId")).toString());
            const QString target = directoryName(item.value(QStringLiteral("targetId")).toString());
            const Result<qint64> id = replyInteger(item, QStringLiteral("id"), 1, kMaxReplyInteger, QStringLiteral("withdrawal id"));
            if (!id) {
                return id.error();
            }
            if (name.isEmpty() || target.isEmpty()) {
                return makeError(ErrorKind::InvalidInput,
                                 QStringLiteral("the receiver listed a withdrawal with an unusable id"));
            }
            Result<QByteArray> xml = get(QStringLiteral("/v1/admin/withdrawals/%1/manifest").arg(*id));
            if (!xml) {
                return xml.error();
            }
            if (Status s = writeFile(out.filePath(QStringLiteral("withdrawals/") + name + QStringLiteral(".xml")), *xml);
                !s) {
                return s;
            }
            // The target may have been pulled before it was withdrawn.
            QDir(out.filePath(QStringLiteral("submissions/") + target)).removeRecursively();
            ++summary.withdrawals;
        }
        const Result<qint64> next = replyInteger(body, QStringLiteral("cursor"), 0, kMaxReplyInteger,
                                                 QStringLiteral("withdrawal cursor"), summary.withdrawalCursor);
        if (!next) {
            return next.error();
        }
        if (*next > summary.withdrawalCursor) {
            summary.withdrawalCursor = *next;
            if (Status s = saveState(); !s) {
                return s;
            }
        }
        if (!body.value(QStringLiteral("more")).toBool() || items.isEmpty()) {
            return {};
        }
    }
}

} // namespace chorus::sync
