// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "export/ExportModel.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace chorus::exports
{

// JSON forms of the export model, so records and catalogues can be handed between tools
// (chorusctl report reads what chorusctl export --format json writes). Formats: docs/report.md.

Result<Catalogue> parseCatalogueJson(const QByteArray &json);
QByteArray catalogueToJson(const Catalogue &catalogue);

// Parses one line of a JSON lines export written with codes (the default).
Result<Record> parseRecordJson(const QByteArray &line);

// Streams a JSON lines file record by record; stops at the first bad line with its number.
Status readRecordsJsonLines(const QString &path, const std::function<void(const Record &)> &sink);

} // namespace chorus::exports
