// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentRecord.h"

#include "ReceiptCode.h"

#include <QSet>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace chorus::consent {

namespace {

template<typename Enum, size_t N>
QString nameOf(const std::array<std::pair<Enum, QLatin1StringView>, N> &table, Enum value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString(name);
    }
    Q_UNREACHABLE();
    return {};
}

template<typename Enum, size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, QLatin1StringView>, N> &table, QStringView text)
{
    for (const auto &[e, name] : table) {
        if (text == name)
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<CollectionMode, QLatin1StringView>, 5> kModes{{
    {CollectionMode::Kiosk, QLatin1StringView("kiosk")},
    {CollectionMode::Handheld, QLatin1StringView("handheld")},
    {CollectionMode::Assisted, QLatin1StringView("assisted")},
    {CollectionMode::Proxy, QLatin1StringView("proxy")},
    {CollectionMode::Paper, QLatin1StringView("paper")},
}};
constexpr std::array<std::pair<ClockConfidence, QLatin1StringView>, 4> kClock{{
    {ClockConfidence::Unknown, QLatin1StringView("unknown")},
    {ClockConfidence::DeviceOnly, QLatin1StringView("device_only")},
    {ClockConfidence::NetworkSynced, QLatin1StringView("network_synced")},
    {ClockConfidence::OperatorConfirmed, QLatin1StringView("operator_confirmed")},
}};
constexpr std::array<std::pair<AgeGateResult, QLatin1StringView>, 4> kAgeGate{{
    {AgeGateResult::NotAsked, QLatin1StringView("not_asked")},
    {AgeGateResult::Confirmed16Plus, QLatin1StringView("16_plus_confirmed")},
    {AgeGateResult::Under16, QLatin1StringView("under_16")},
    {AgeGateResult::PreferNotToSay, QLatin1StringView("prefer_not_to_say")},
}};
constexpr std::array<std::pair<WithdrawalChannel, QLatin1StringView>, 6> kChannels{{
    {WithdrawalChannel::OnDeviceRespondent, QLatin1StringView("on_device_respondent")},
    {WithdrawalChannel::OnDeviceOperator, QLatin1StringView("on_device_operator")},
    {WithdrawalChannel::Written, QLatin1StringView("written")},
    {WithdrawalChannel::Email, QLatin1StringView("email")},
    {WithdrawalChannel::Phone, QLatin1StringView("phone")},
    {WithdrawalChannel::Web, QLatin1StringView("web")},
}};

bool isLowerHex(QStringView text, qsizetype length)
{
    if (text.size() != length)
        return false;
    for (QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

Error invalid(const QString &message)
{
    return makeError(ErrorKind::InvalidInput, u"Consent record: "_s + message);
}

} // namespace

QString toString(CollectionMode mode) { return nameOf(kModes, mode); }
QString toString(ClockConfidence confidence) { return nameOf(kClock, confidence); }
QString toString(AgeGateResult result) { return nameOf(kAgeGate, result); }
QString toString(WithdrawalChannel channel) { return nameOf(kChannels, channel); }
std::optional<CollectionMode> collectionModeFromString(QStringView text) { return valueOf(kModes, text); }
std::optional<ClockConfidence> clockConfidenceFromString(QStringView text) { return valueOf(kClock, text); }
std::optional<AgeGateResult> ageGateResultFromString(QStringView text) { return valueOf(kAgeGate, text); }
std::optional<WithdrawalChannel> withdrawalChannelFromString(QStringView text) { return valueOf(kChannels, text); }

bool modeNeedsOperator(CollectionMode mode)
{
    return mode == CollectionMode::Assisted || mode == CollectionMode::Proxy || mode == CollectionMode::Paper;
}

bool ConsentRecord::isGranted(const QString &purposeId) const
{
    for (const PurposeGrant &grant : purposes) {
        if (grant.purpose == purposeId)
            return grant.granted;
    }
    return false;
}

Status ConsentRecord::validate() const
{
    if (consentId.isNull() || consentId.version() != QUuid::Random)
        return invalid(u"the consent id must be a random (version 4) UUID."_s);
    if (responseId.isEmpty())
        return invalid(u"the response id is missing."_s);
    if (!isReceiptCodeHash(receiptCodeHash))
        return invalid(u"the receipt code hash must be 64 lowercase hex characters (never the code itself)."_s);
    if (controllerId.isEmpty())
        return invalid(u"the controller is missing: name the council that relies on this consent."_s);
    if (processorIds.contains(QString()))
        return invalid(u"a processor id is empty."_s);
    if (purposes.isEmpty())
        return invalid(u"no purposes are listed: consent must name what it is for."_s);
    QSet<QString> purposeIds;
    for (const PurposeGrant &grant : purposes) {
        if (grant.purpose.isEmpty())
            return invalid(u"a purpose has no id."_s);
        if (purposeIds.contains(grant.purpose))
            return invalid(u"purpose '%1' is listed twice."_s.arg(grant.purpose));
        purposeIds.insert(grant.purpose);
    }
    if (lawfulBasis.isEmpty() || art9Condition.isEmpty())
        return invalid(u"the lawful basis and the Article 9 condition must both be recorded "
                       "(take them from the survey's privacy notice)."_s);
    if (noticeId.isEmpty() || noticeVersion.isEmpty() || noticeLocale.isEmpty())
        return invalid(u"the notice id, version and locale must all be recorded."_s);
    if (!isLowerHex(noticeSha256, 64))
        return invalid(u"the notice hash must be the SHA-256 of the text shown, as 64 lowercase hex characters."_s);
    if (surveyId.isEmpty() || surveyVersion.isEmpty())
        return invalid(u"the survey id and version must both be recorded."_s);
    if (modeNeedsOperator(mode) && operatorId.isEmpty())
        return invalid(u"mode '%1' needs the operator id of whoever handled the form."_s.arg(toString(mode)));

    for (const ActionEvidence &evidence : actionEvidence) {
        if (evidence.control.isEmpty())
            return invalid(u"an action has no control id."_s);
        if (!purposeIds.contains(evidence.purpose))
            return invalid(u"control '%1' refers to purpose '%2', which is not listed."_s
                               .arg(evidence.control, evidence.purpose));
        if (evidence.prechecked)
            return invalid(u"control '%1' started ticked: a pre-ticked box is not consent. "
                           "Consent controls must start unticked."_s.arg(evidence.control));
    }
    for (const PurposeGrant &grant : purposes) {
        bool ticked = false;
        bool unticked = false;
        for (const ActionEvidence &evidence : actionEvidence) {
            if (evidence.purpose == grant.purpose)
                (evidence.checked ? ticked : unticked) = true;
        }
        if (grant.granted && !ticked)
            return invalid(u"purpose '%1' is granted but no control was ticked for it: "
                           "a grant needs an affirmative act."_s.arg(grant.purpose));
        if (!grant.granted && ticked)
            return invalid(u"purpose '%1' is refused but its control was ticked."_s.arg(grant.purpose));
        if (grant.granted && unticked)
            return invalid(u"purpose '%1' is granted but one of its controls was left unticked."_s.arg(grant.purpose));
    }

    if (!capturedAtUtc.isValid() || capturedAtUtc.timeSpec() != Qt::UTC)
        return invalid(u"the capture time must be a valid UTC time."_s);
    if (deviceMonotonicMs < 0)
        return invalid(u"the device monotonic time is missing."_s);
    if (deviceId.isEmpty() || appVersion.isEmpty())
        return invalid(u"the device id and app version must both be recorded."_s);
    if (withdrawal) {
        if (!withdrawal->withdrawnAtUtc.isValid() || withdrawal->withdrawnAtUtc.timeSpec() != Qt::UTC)
            return invalid(u"the withdrawal time must be a valid UTC time."_s);
        for (const QString &scoped : withdrawal->scope) {
            if (!purposeIds.contains(scoped))
                return invalid(u"the withdrawal names purpose '%1', which is not listed."_s.arg(scoped));
        }
    }
    return {};
}

ConsentLedgerEntry ledgerEntry(const ConsentRecord &record)
{
    ConsentLedgerEntry entry;
    entry.consentId = record.consentId;
    entry.responseId = record.responseId;
    entry.receiptCodeHash = record.receiptCodeHash;
    entry.surveyId = record.surveyId;
    entry.surveyVersion = record.surveyVersion;
    entry.noticeId = record.noticeId;
    entry.noticeVersion = record.noticeVersion;
    entry.noticeLocale = record.noticeLocale;
    entry.noticeSha256 = record.noticeSha256;
    entry.purposes = record.purposes;
    entry.mode = record.mode;
    entry.capturedAtUtc = record.capturedAtUtc;
    if (record.withdrawal) {
        entry.withdrawnAtUtc = record.withdrawal->withdrawnAtUtc;
        entry.withdrawalChannel = record.withdrawal->channel;
    }
    return entry;
}

ConsentGate consentGate(const ConsentRecord &record, bool surveyContinuesWithoutEqualityConsent)
{
    const bool withdrawn = record.withdrawal
        && (record.withdrawal->scope.isEmpty() || record.withdrawal->scope.contains(QString(purpose::kEqualityMonitoring)));
    const bool equality = record.isGranted(QString(purpose::kEqualityMonitoring)) && !withdrawn;
    return ConsentGate{equality, equality || surveyContinuesWithoutEqualityConsent};
}

} // namespace chorus::consent
