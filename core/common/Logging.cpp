// SPDX-License-Identifier: GPL-3.0-or-later
#include "Logging.h"

Q_LOGGING_CATEGORY(lcSurvey, "chorus.survey")
Q_LOGGING_CATEGORY(lcStore, "chorus.store")
Q_LOGGING_CATEGORY(lcCrypto, "chorus.crypto")
Q_LOGGING_CATEGORY(lcExport, "chorus.export")
Q_LOGGING_CATEGORY(lcConsent, "chorus.consent")
