// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "export/ExportModel.h"

#include <QStringList>

#include <memory>

namespace chorus::exports
{

struct ExportOptions {
    ValueMode mode = ValueMode::Codes;
    QString language; // for labels; empty = the catalogue's default language
    bool utf8Bom = false; // CSV only: lets Excel detect UTF-8
    bool includeWriteIns = true; // record-level exports may carry write-ins; aggregates never do
    bool splitMultipleChoice = true; // one 0/1 column per option beside the joined value
    bool neutraliseFormulas = true; // CSV only: free text starting = + - @ gets a leading '
};

// A record-level export in progress. Records are written one at a time and never held, so
// memory stays flat however many there are. Output files appear only when finish() succeeds
// (written beside the target and renamed), so a failed run never leaves a half file that looks
// complete.
class RecordWriter
{
public:
    virtual ~RecordWriter() = default;
    virtual Status write(const Record &record) = 0;
    virtual Status finish() = 0;
    // The files this export produces (final paths), main table first.
    virtual QStringList files() const = 0;
    qint64 recordCount() const { return m_records; }

protected:
    qint64 m_records = 0;
};

// CSV (RFC 4180, CRLF): `<dir>/<base>.csv` plus `<dir>/<base>-<group>.csv` per repeat group,
// joined by PARENT_KEY (the record's instanceID) and KEY as ODK does.
Result<std::unique_ptr<RecordWriter>> makeCsvWriter(
    const QString &dir, const QString &baseName, const Catalogue &catalogue, const ExportOptions &options);

// JSON lines: `<dir>/<base>.jsonl`, one object per record with its repeats nested.
Result<std::unique_ptr<RecordWriter>> makeJsonLinesWriter(
    const QString &dir, const QString &baseName, const Catalogue &catalogue, const ExportOptions &options);

// XLSX (libxlsxwriter, constant-memory mode): `<dir>/<base>.xlsx` with a "records" sheet and a
// sheet per repeat group.
Result<std::unique_ptr<RecordWriter>> makeXlsxWriter(
    const QString &dir, const QString &baseName, const Catalogue &catalogue, const ExportOptions &options);

} // namespace chorus::exports
