// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/DecryptPipeline.h"

#include <QDir>
#include <QDirIterator>

#include <memory>

namespace chorus::exports
{

// Reads the envelopes `chorusctl pull` leaves in ADMIN_DIR/submissions/<id>/ (submission.xml
// plus *.enc), one at a time, as a DecryptPipeline source. The folder is streamed in directory
// order (the names are instanceIDs, so no order means more): a list of a million names would
// make memory grow with the number of records.
class PulledEnvelopes
{
public:
    explicit PulledEnvelopes(const QString &adminDir);
    ~PulledEnvelopes();
    Status open();
    // An admin folder is one `chorusctl pull` wrote (it holds submissions/). Everything that reads
    // or adds to one checks this first, so a mistyped folder is refused instead of created.
    static Status checkAdminFolder(const QString &adminDir);
    qsizetype count() const { return m_count; }
    std::optional<Result<Envelope>> next();

private:
    QDir m_submissions;
    std::unique_ptr<QDirIterator> m_entries;
    qsizetype m_count = 0;
};

} // namespace chorus::exports
