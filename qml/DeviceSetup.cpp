// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceSetup.h"

#include "QrImageReader.h"
#include "RespondentSession.h"
#include "StaffLock.h"
#include "VaultKeeper.h"
#include "store/SettingsRepository.h"

#include <QFile>
#include <QLocale>
#include <QMetaObject>
#include <QUrl>

namespace chorus::ui {

namespace {

const QString kMode = QStringLiteral("device.mode");
const QString kOperator = QStringLiteral("device.operator");
const QString kOutreach = QStringLiteral("outreach");
const QString kKiosk = QStringLiteral("kiosk");
constexpr qsizetype kMaxOperatorName = 80;

QString localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl.trimmed();
}

QString settingOrEmpty(store::SettingsRepository *settings, const QString &key)
{
    if (!settings) {
        return {};
    }
    const auto value = settings->value(key);
    return value && value->has_value() ? **value : QString();
}

QVariantMap toMap(const std::optional<EnrollmentSummary> &summary)
{
    if (!summary) {
        return {};
    }
    return {{QStringLiteral("councilName"), summary->councilName},
            {QStringLiteral("endpoint"), summary->endpoint},
            {QStringLiteral("deviceName"), summary->deviceName},
            {QStringLiteral("fingerprint"), summary->keyFingerprint},
            {QStringLiteral("surveys"), summary->surveyIds},
            {QStringLiteral("expires"), QLocale().toString(summary->expiresAt.toLocalTime(), QLocale::LongFormat)}};
}

} // namespace

QString describeOutcomes(const QList<PackageOutcome> &outcomes)
{
    int installed = 0, current = 0;
    QStringList refused;
    for (const PackageOutcome &o : outcomes) {
        switch (o.kind) {
        case PackageOutcome::Kind::Installed: ++installed; break;
        case PackageOutcome::Kind::AlreadyCurrent: ++current; break;
        case PackageOutcome::Kind::Refused: refused << DeviceSetup::tr("%1 refused: %2").arg(o.surveyId, o.reason); break;
        }
    }
    if (outcomes.isEmpty()) {
        return DeviceSetup::tr("No surveys are assigned to this device yet. Ask your administrator to assign one, "
                               "then check again.");
    }
    QStringList parts;
    parts << DeviceSetup::tr("%n new or updated survey(s) installed.", "", installed);
    if (current > 0) {
        parts << DeviceSetup::tr("%n already up to date.", "", current);
    }
    parts << refused;
    return parts.join(QLatin1Char(' '));
}

DeviceSetup::DeviceSetup(VaultKeeper *vault, EnrollmentPort *port, store::SettingsRepository *settings,
                         StaffLock *staffLock, RespondentSession *session, QObject *parent)
    : QObject(parent), m_vault(vault), m_port(port), m_settings(settings), m_staffLock(staffLock), m_session(session)
{
    m_mode = settingOrEmpty(m_settings, kMode);
    m_operator = settingOrEmpty(m_settings, kOperator);
    if (!m_vault || !m_port || !m_settings) {
        m_stage = QStringLiteral("ready");
        return;
    }
    connect(m_vault, &VaultKeeper::unlockedNow, this, &DeviceSetup::afterUnlock);
    if (m_vault->exists()) {
        m_stage = QStringLiteral("unlock");
    } else {
        m_stage = QStringLiteral("setup");
        m_step = QStringLiteral("passphrase");
    }
}

DeviceSetup::~DeviceSetup()
{
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

QVariantMap DeviceSetup::bundle() const
{
    return toMap(m_pending);
}

QVariantMap DeviceSetup::enrollment() const
{
    return toMap(m_enrolled);
}

QString DeviceSetup::councilName() const
{
    if (m_enrolled) {
        return m_enrolled->councilName;
    }
    return m_port ? m_port->councilBeforeUnlock() : QString();
}

void DeviceSetup::afterUnlock()
{
    crypto::DeviceVault *vault = m_vault->vault();
    if (!vault) {
        return;
    }
    auto current = m_port->current(*vault);
    if (!current) {
        setError(tr("This device's enrollment cannot be read: %1").arg(current.error().message));
        setStage(QStringLiteral("setup"), QStringLiteral("bundle"));
        return;
    }
    m_enrolled = *current;
    Q_EMIT enrollmentChanged();
    setError({});
    if (!m_enrolled) {
        setStage(QStringLiteral("setup"), QStringLiteral("bundle"));
    } else if (m_mode != kOutreach && m_mode != kKiosk) {
        setStage(QStringLiteral("setup"), QStringLiteral("mode"));
    } else {
        applyMode();
        setStage(QStringLiteral("ready"));
        Q_EMIT ready();
    }
}

bool DeviceSetup::readBundleFile(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    if (path.isEmpty()) {
        setError(tr("Enter the path of the enrollment file, or choose it."));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > kMaxBundleBytes) {
        setError(tr("%1 is too large to be an enrollment file. Choose the file your administrator gave you.").arg(path));
        return false;
    }
    return inspect(file.read(kMaxBundleBytes));
}

bool DeviceSetup::readBundleText(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        setError(tr("Paste the enrollment text first."));
        return false;
    }
    return inspect(text.trimmed().toUtf8());
}

bool DeviceSetup::readBundleImage(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    if (path.isEmpty()) {
        setError(tr("Enter the path of the QR picture, or choose it."));
        return false;
    }
    const auto text = platform::QrImageReader::readFile(path);
    if (!text) {
        setError(tr("The QR picture could not be read: %1").arg(text.error().message));
        return false;
    }
    return inspect(*text);
}

bool DeviceSetup::inspect(const QByteArray &bytes)
{
    if (!m_port) {
        return false;
    }
    auto summary = m_port->inspect(bytes);
    if (!summary) {
        setError(tr("This is not an enrollment this device can accept: %1").arg(summary.error().message));
        return false;
    }
    m_pendingBundle = bytes;
    m_pending = std::move(*summary);
    Q_EMIT bundleChanged();
    setError({});
    setStage(QStringLiteral("setup"), QStringLiteral("confirm"));
    return true;
}

bool DeviceSetup::confirmBundle()
{
    crypto::DeviceVault *vault = m_vault ? m_vault->vault() : nullptr;
    if (!vault || !m_pending) {
        return false;
    }
    if (const Status stored = m_port->enroll(m_pendingBundle, *vault); !stored) {
        setError(tr("The enrollment could not be saved: %1").arg(stored.error().message));
        return false;
    }
    m_enrolled = m_pending;
    m_pending.reset();
    m_pendingBundle.clear();
    Q_EMIT bundleChanged();
    Q_EMIT enrollmentChanged();
    setError({});
    setStage(QStringLiteral("setup"), QStringLiteral("mode"));
    return true;
}

void DeviceSetup::back()
{
    setError({});
    if (m_step == QStringLiteral("confirm")) {
        m_pending.reset();
        m_pendingBundle.clear();
        Q_EMIT bundleChanged();
        setStage(QStringLiteral("setup"), QStringLiteral("bundle"));
    }
}

bool DeviceSetup::chooseOutreach(const QString &operatorName)
{
    const QString name = operatorName.simplified();
    if (name.isEmpty() || name.size() > kMaxOperatorName) {
        setError(tr("Enter your name or staff id (up to %1 characters): it is recorded with each response you "
                    "collect.").arg(kMaxOperatorName));
        return false;
    }
    return saveMode(kOutreach, name);
}

bool DeviceSetup::chooseKiosk(const QString &pin, const QString &again)
{
    if (!m_staffLock) {
        return false;
    }
    if (pin != again) {
        setError(tr("The two PINs are different. Type the same PIN in both boxes."));
        return false;
    }
    if (!m_staffLock->setPin(pin)) {
        setError(m_staffLock->lastError());
        return false;
    }
    return saveMode(kKiosk, {});
}

bool DeviceSetup::saveMode(const QString &mode, const QString &operatorName)
{
    Status saved = m_settings->setValue(kMode, mode);
    if (saved) {
        saved = operatorName.isEmpty() ? m_settings->remove(kOperator) : m_settings->setValue(kOperator, operatorName);
    }
    if (!saved) {
        setError(tr("The mode could not be saved: %1").arg(saved.error().message));
        return false;
    }
    m_mode = mode;
    m_operator = operatorName;
    Q_EMIT modeChanged();
    setError({});
    applyMode();
    setStage(QStringLiteral("setup"), QStringLiteral("fetching"));
    fetchSurveys();
    return true;
}

void DeviceSetup::applyMode()
{
    if (!m_session) {
        return;
    }
    // Outreach is assisted collection: the operator asks, and the consent record names them.
    m_session->setMode(m_mode == kKiosk ? QStringLiteral("kiosk") : QStringLiteral("assisted"));
    m_session->setOperatorId(m_mode == kKiosk ? QString() : m_operator);
}

Result<SyncTarget> DeviceSetup::syncTarget() const
{
    crypto::DeviceVault *vault = m_vault ? m_vault->vault() : nullptr;
    if (!vault || !m_port) {
        return makeError(ErrorKind::Permission, tr("This device is not enrolled yet."));
    }
    return m_port->syncTarget(*vault);
}

void DeviceSetup::fetchSurveys()
{
    if (m_busy) {
        return;
    }
    const auto target = syncTarget();
    if (!target || !m_enrolled) {
        finishFetch(target ? Error{ErrorKind::Permission, tr("This device is not enrolled yet.")} : target.error());
        return;
    }
    setBusy(true);
    if (m_worker.joinable()) {
        m_worker.join();
    }
    m_worker = std::thread([this, port = m_port, target = *target, key = m_enrolled->signingPublicKey] {
        auto outcome = port->fetchPackages(target, key);
        QMetaObject::invokeMethod(this, [this, outcome] { finishFetch(outcome); }, Qt::QueuedConnection);
    });
}

void DeviceSetup::finishFetch(const Result<QList<PackageOutcome>> &outcome)
{
    if (m_worker.joinable()) {
        m_worker.join();
    }
    m_fetchResult = outcome ? describeOutcomes(*outcome)
                            : tr("Could not check for surveys: %1. Try again with \"Check for new surveys\".")
                                  .arg(outcome.error().message);
    setBusy(false);
    Q_EMIT fetchFinished();
    if (m_stage == QStringLiteral("setup") && m_step == QStringLiteral("fetching")) {
        setStage(QStringLiteral("ready"));
        Q_EMIT ready();
    }
}

void DeviceSetup::setStage(const QString &stage, const QString &step)
{
    if (m_stage != stage || m_step != step) {
        m_stage = stage;
        m_step = step;
        Q_EMIT stageChanged();
    }
}

void DeviceSetup::setError(const QString &message)
{
    if (m_error != message) {
        m_error = message;
        Q_EMIT errorChanged();
    }
}

void DeviceSetup::setBusy(bool busy)
{
    if (m_busy != busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

} // namespace chorus::ui
