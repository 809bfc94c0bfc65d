// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditLog.h"
#include "ConsentLedger.h"
#include "DraftRepository.h"
#include "ResponseRepository.h"
#include "SettingsRepository.h"
#include "SurveyRepository.h"

namespace chorus::store {

// Everything a device keeps, behind one object: the SQLite store in the app and chorusctl,
// the in-memory fake in tests. Repositories are owned by the store and live as long as it.
class Store
{
public:
    virtual ~Store() = default;

    virtual ResponseRepository &responses() = 0;
    virtual DraftRepository &drafts() = 0;
    virtual AuditLog &audit() = 0;
    virtual SurveyRepository &surveys() = 0;
    virtual SettingsRepository &settings() = 0;
    virtual ConsentLedger &consent() = 0;
};

} // namespace chorus::store
