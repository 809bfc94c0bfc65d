// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventOptions.h"

#include "WardBoundaries.h"
#include "response/Response.h"
#include "survey/SurveyPackage.h"

using namespace Qt::StringLiterals;

namespace chorus::cli {

namespace {
// An event name is shown to officers in the records list and stored in every submission of
// the event: one line of ordinary length.
constexpr qsizetype kMaxEventNameLength = 200;
}

void addEventOptions(QCommandLineParser &parser)
{
    parser.addOption({u"event"_s, u"Name of the outreach event it was collected at."_s, u"NAME"_s});
    parser.addOption({u"ward"_s, u"ONS code of the event's ward, e.g. E05013938 (one of the survey's wards when it has "
                                  "ward boundaries)."_s,
                      u"CODE"_s});
}

Status applyEventOptions(const QCommandLineParser &parser, const survey::SurveyPackage &package,
                         response::Response &response)
{
    if (parser.isSet(u"event"_s)) {
        const QString name = parser.value(u"event"_s).trimmed();
        bool printable = true;
        for (const QChar c : name)
            printable = printable && c.isPrint();
        if (name.isEmpty() || name.size() > kMaxEventNameLength || !printable)
            return makeError(ErrorKind::InvalidInput,
                             u"--event: give the event's name on one line, at most %1 characters"_s.arg(kMaxEventNameLength));
        response.eventName = name;
    }
    if (!parser.isSet(u"ward"_s))
        return {};
    const QString code = parser.value(u"ward"_s).trimmed().toUpper();
    if (!response::isValidWardCode(code))
        return makeError(ErrorKind::InvalidInput,
                         u"--ward: '%1' is not an ONS ward code (a letter and eight digits, e.g. E05013938)"_s
                             .arg(parser.value(u"ward"_s)));
    if (!package.wardsGeoJson.isEmpty()) {
        auto boundaries = platform::WardBoundaries::fromGeoJson(package.wardsGeoJson);
        if (!boundaries)
            return makeError(ErrorKind::InvalidInput,
                             u"--ward: the survey's ward boundaries cannot be read (%1)"_s.arg(boundaries.error().message));
        QStringList codes;
        for (const platform::WardBoundaries::Ward &ward : boundaries->wards())
            codes.append(ward.code);
        if (!codes.contains(code))
            return makeError(ErrorKind::InvalidInput, u"--ward: %1 is not one of the wards of survey %2 (%3)"_s
                                                          .arg(code, package.id, codes.join(u", "_s)));
    }
    response.eventWard = code;
    return {};
}

} // namespace chorus::cli
