// SPDX-License-Identifier: GPL-3.0-or-later
// Expressions come inside survey packages: parsing must fail cleanly with a position, and a
// parsed expression must evaluate without crashing whatever the answers are.
#include "survey/Expression.h"

#include <cstddef>
#include <cstdint>

namespace {
class FuzzContext : public chorus::survey::EvalContext
{
public:
    chorus::survey::Value reference(const QString &name) const override
    {
        using chorus::survey::Value;
        switch (name.size() % 5) {
        case 0: return Value::number(34);
        case 1: return Value::string(QStringLiteral("a b c"));
        case 2: return Value::date(7000);
        case 3: return Value::nodeset({QStringLiteral("1"), QStringLiteral("x")});
        default: return Value::string({});
        }
    }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = chorus::survey::Expression::parse(text);
    if (!parsed) {
        if (!parsed.error().message.startsWith(QLatin1String("at "))) {
            __builtin_trap(); // every parse error carries its position
        }
        return 0;
    }
    (void)parsed->evaluate(FuzzContext()).toString();
    return 0;
}
