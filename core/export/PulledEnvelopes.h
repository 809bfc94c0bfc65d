// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/DecryptPipeline.h"

#include <QDir>
#include <QStringList>

namespace chorus::exports
{

// Reads the envelopes `chorusctl pull` leaves in ADMIN_DIR/submissions/<id>/ (submission.xml
// plus *.enc), one at a time, as a DecryptPipeline source.
class PulledEnvelopes
{
public:
    explicit PulledEnvelopes(const QString &adminDir);
    Status open();
    // An admin folder is one `chorusctl pull` wrote (it holds submissions/). Everything that reads
    // or adds to one checks this first, so a mistyped folder is refused instead of created.
    static Status checkAdminFolder(const QString &adminDir);
    qsizetype count() const { return m_entries.size(); }
    std::optional<Result<Envelope>> next();

private:
    QDir m_submissions;
    QStringList m_entries;
    qsizetype m_next = 0;
};

} // namespace chorus::exports
