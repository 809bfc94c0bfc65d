// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResponseStatus.h"

namespace chorus::response {

namespace {
struct Named {
    ResponseState state;
    const char *name;
};

constexpr Named kNames[] = {
    {ResponseState::Draft, "draft"},
    {ResponseState::Finalized, "finalized"},
    {ResponseState::Sending, "sending"},
    {ResponseState::Accepted, "accepted"},
    {ResponseState::Conflict, "conflict"},
    {ResponseState::DeletedOnServer, "deleted_on_server"},
    {ResponseState::Failed, "failed"},
    {ResponseState::Withdrawn, "withdrawn"},
};

bool allowed(ResponseState from, ResponseState to)
{
    using S = ResponseState;
    switch (from) {
    case S::Draft:
        return to == S::Finalized;
    case S::Finalized:
        return to == S::Sending || to == S::Withdrawn;
    case S::Sending:
        return to == S::Sending || to == S::Accepted || to == S::Conflict || to == S::DeletedOnServer
               || to == S::Failed;
    case S::Failed:
        return to == S::Sending || to == S::Withdrawn;
    case S::Accepted:
    case S::Conflict:
    case S::DeletedOnServer:
    case S::Withdrawn:
        return false;
    }
    return false;
}
} // namespace

QList<ResponseState> allResponseStates()
{
    QList<ResponseState> states;
    for (const Named &n : kNames) {
        states.append(n.state);
    }
    return states;
}

QString stateName(ResponseState state)
{
    for (const Named &n : kNames) {
        if (n.state == state) {
            return QString::fromLatin1(n.name);
        }
    }
    return QStringLiteral("unknown");
}

std::optional<ResponseState> stateFromName(const QString &name)
{
    for (const Named &n : kNames) {
        if (name == QLatin1String(n.name)) {
            return n.state;
        }
    }
    return std::nullopt;
}

bool isFinal(ResponseState state)
{
    for (const ResponseState to : allResponseStates()) {
        if (allowed(state, to)) {
            return false;
        }
    }
    return true;
}

Status transition(ResponseState from, ResponseState to)
{
    if (allowed(from, to)) {
        return {};
    }
    return makeError(ErrorKind::InvalidInput,
                     QStringLiteral("a response cannot move from %1 to %2%3")
                         .arg(stateName(from), stateName(to),
                              isFinal(from) ? QStringLiteral(" (%1 is final)").arg(stateName(from))
                                            : QString()));
}

} // namespace chorus::response
