// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>

#include <optional>

namespace chorus::store {

// Device settings as text key/value pairs. Never a secret: keys and tokens live in the vault.
class SettingsRepository
{
public:
    virtual ~SettingsRepository() = default;

    virtual Result<std::optional<QString>> value(const QString &key) = 0;
    virtual Status setValue(const QString &key, const QString &value) = 0;
    virtual Status remove(const QString &key) = 0;
};

} // namespace chorus::store
