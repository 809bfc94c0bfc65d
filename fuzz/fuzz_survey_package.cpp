// SPDX-License-Identifier: GPL-3.0-or-later
// Survey packages come from files and servers: the loader must reject anything malformed with
// a report, and a package it accepts must run through the engine and serializer unharmed.
#include "response/SubmissionXml.h"
#include "survey/FormEngine.h"
#include "survey/SurveyLoader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chorus;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    survey::ValidationReport report;
    auto package = survey::SurveyLoader::load(bytes, &report);
    if (!package) {
        if (report.isEmpty()) {
            __builtin_trap(); // a refusal must always say why
        }
        return 0;
    }
    survey::FormEngine engine(*package);
    const QStringList pages = engine.pages();
    for (const QString &page : pages) {
        const survey::Question *q = engine.question(page);
        if (q && q->hasChoices() && !engine.choices(page).isEmpty()) {
            (void)engine.setAnswer(page, response::Answer::answered(engine.choices(page).constFirst().code));
        } else if (q && q->preferNotToSay) {
            (void)engine.setAnswer(page, response::Answer::preferNotToSay());
        }
        (void)engine.problems(page);
    }
    response::Response r = engine.draft();
    r.finished = r.started;
    const QByteArray xml = response::SubmissionXml::serialize(*package, r);
    if (!response::SubmissionXml::parse(xml)) {
        __builtin_trap(); // what we write we must be able to read
    }
    return 0;
}
