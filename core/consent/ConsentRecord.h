// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

class QXmlStreamReader;
class QXmlStreamWriter;

namespace chorus::consent {

// Well-known purpose ids (reference/consent.md §3.4). A survey package may define others.
namespace purpose {
inline constexpr QLatin1StringView kEqualityMonitoring{"equality_monitoring"};
inline constexpr QLatin1StringView kConsultationResponse{"consultation_response"};
inline constexpr QLatin1StringView kContactFollowup{"contact_followup"};
inline constexpr QLatin1StringView kQuoteAnonymously{"quote_anonymously_in_report"};
} // namespace purpose

// How the response was collected, which decides who made the affirmative act.
enum class CollectionMode {
    Kiosk,    // self-complete on a shared kiosk
    Handheld, // self-complete on a worker's phone or tablet
    Assisted, // an operator asks and enters the answers
    Proxy,    // an operator answers on someone's behalf
    Paper,    // a paper form keyed in afterwards
};

// How far the device clock can be trusted at capture (offline devices drift or are wrong).
enum class ClockConfidence {
    Unknown,           // no evidence either way
    DeviceOnly,        // device clock, never checked against a network time
    NetworkSynced,     // device clock checked against a server time recently
    OperatorConfirmed, // an operator confirmed the date and time at session start
};

enum class AgeGateResult {
    NotAsked,        // the survey has no age gate
    Confirmed16Plus, // "16 or over" confirmed: sexual orientation / gender identity may be asked
    Under16,
    PreferNotToSay,
};

enum class WithdrawalChannel {
    OnDeviceRespondent, // the respondent typed the receipt code on a device
    OnDeviceOperator,   // an operator typed it for them
    Written,            // letter or form (DPA 2018 Sch. 1 para 8 written notice)
    Email,
    Phone,
    Web,
};

struct PurposeGrant {
    QString purpose; // e.g. "equality_monitoring"
    bool granted = false;
    friend bool operator==(const PurposeGrant &, const PurposeGrant &) = default;
};

// Evidence of an affirmative act: which control, what was done to it, and that it did not
// start ticked (pre-ticked boxes are not consent).
struct ActionEvidence {
    QString control; // the UI control's id, e.g. "consent_equality"
    QString purpose; // the purpose the control grants
    bool checked = false;
    bool prechecked = false;
    friend bool operator==(const ActionEvidence &, const ActionEvidence &) = default;
};

struct Withdrawal {
    QDateTime withdrawnAtUtc;
    WithdrawalChannel channel = WithdrawalChannel::OnDeviceRespondent;
    QStringList scope; // purposes withdrawn; empty means all
    friend bool operator==(const Withdrawal &, const Withdrawal &) = default;
};

// The per-response consent record (DESIGN.md §4, reference/consent.md §3.4): who (a receipt
// code hash, never a name), when, what they were told, how, for which purposes. It travels
// inside the encrypted submission; ledgerEntry() is what the device keeps in the clear.
// It holds no answers and no special-category content.
struct ConsentRecord {
    static constexpr int kSchemaVersion = 1;

    QUuid consentId; // UUIDv4
    QString responseId; // the submission's instanceID, e.g. "uuid:..."
    QString receiptCodeHash; // receiptCodeHash(): 64 hex
    QString controllerId;
    QStringList processorIds;
    QList<PurposeGrant> purposes;
    QString lawfulBasis;   // e.g. "consent", "public_task"
    QString art9Condition; // e.g. "explicit_consent", "dpa2018_sch1_para8"
    QString noticeId;
    QString noticeVersion;
    QString noticeLocale;
    QString noticeSha256; // noticeSha256() of the text shown in noticeLocale
    QString surveyId;
    QString surveyVersion;
    QString questionBankVersion; // e.g. "gss/2025.1"; empty if the survey uses no bank items
    CollectionMode mode = CollectionMode::Kiosk;
    QString operatorId; // required for assisted, proxy and paper
    QList<ActionEvidence> actionEvidence;
    QDateTime capturedAtUtc;
    qint64 deviceMonotonicMs = -1;
    ClockConfidence clockConfidence = ClockConfidence::Unknown;
    QString deviceId;
    QString appVersion;
    AgeGateResult ageGate = AgeGateResult::NotAsked;
    std::optional<Withdrawal> withdrawal;

    // Whether `purposeId` was granted (false if the purpose is not listed).
    bool isGranted(const QString &purposeId) const;

    // Every rule a record must meet before it is sealed into a submission; the first problem
    // found, in words an operator or developer can act on.
    Status validate() const;

    // The <consent> element with one child element per field (elements only, as ODK instance
    // data expects). The survey engine embeds it in the submission XML.
    void writeXml(QXmlStreamWriter &writer) const;
    QByteArray toXml() const;
    // Reads a <consent> element; the reader must be positioned on its start element, and is
    // left on its end element. Unknown child elements are skipped (newer writers may add some).
    static Result<ConsentRecord> readXml(QXmlStreamReader &reader);
    static Result<ConsentRecord> fromXml(const QByteArray &xml);

    friend bool operator==(const ConsentRecord &, const ConsentRecord &) = default;
};

// What the device keeps in the clear, to find a record by receipt code and to prove consent
// without decrypting: no answers, no age, no operator, no special-category content.
struct ConsentLedgerEntry {
    QUuid consentId;
    QString responseId;
    QString receiptCodeHash;
    QString surveyId;
    QString surveyVersion;
    QString noticeId;
    QString noticeVersion;
    QString noticeLocale;
    QString noticeSha256;
    QList<PurposeGrant> purposes;
    CollectionMode mode = CollectionMode::Kiosk;
    QDateTime capturedAtUtc;
    std::optional<QDateTime> withdrawnAtUtc;
    std::optional<WithdrawalChannel> withdrawalChannel;
    friend bool operator==(const ConsentLedgerEntry &, const ConsentLedgerEntry &) = default;
};

ConsentLedgerEntry ledgerEntry(const ConsentRecord &record);

// Stable wire names (XML, JSON, ledger) for the enums; fromString returns nullopt if unknown.
QString toString(CollectionMode mode);
QString toString(ClockConfidence confidence);
QString toString(AgeGateResult result);
QString toString(WithdrawalChannel channel);
std::optional<CollectionMode> collectionModeFromString(QStringView text);
std::optional<ClockConfidence> clockConfidenceFromString(QStringView text);
std::optional<AgeGateResult> ageGateResultFromString(QStringView text);
std::optional<WithdrawalChannel> withdrawalChannelFromString(QStringView text);

// Whether an operator id is required (someone other than the respondent handled the device).
bool modeNeedsOperator(CollectionMode mode);

// What a response may hold given its consent: no equality grant means the equality answers
// are not stored (the caller marks them NOT_ASKED) and the rest of the survey goes on only if
// the survey allows that.
struct ConsentGate {
    bool askEqualityQuestions = false;
    bool continueSurvey = false;
};
ConsentGate consentGate(const ConsentRecord &record, bool surveyContinuesWithoutEqualityConsent);

} // namespace chorus::consent
