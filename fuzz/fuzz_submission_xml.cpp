// SPDX-License-Identifier: GPL-3.0-or-later
// Submission XML is read back after decryption on the export side: it must never crash the
// parser, whatever a hostile device put inside the envelope.
#include "response/SubmissionXml.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = chorus::response::SubmissionXml::parse(bytes);
    if (parsed && !chorus::response::isValidInstanceId(parsed->instanceId)) {
        __builtin_trap();
    }
    return 0;
}
