// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the receiver's handling of a submission request after HTTP parsing
// (headers, multipart parts, the manifest XML, names, storage). Never crashes, never 500s.
//
// Input: "METHOD\n" then header lines "Name: value" until an empty line, then parts separated
// by "\n--part\n", each "name[;filename]\n<content>".
#include "SqliteStorage.h"
#include "SubmissionRoutes.h"
#include "Tokens.h"

#include <QCoreApplication>

#include <cstdlib>
#include <string_view>

using namespace chorus;
using namespace chorus::server;

namespace {

Storage &storage()
{
    static std::unique_ptr<SqliteStorage> s = [] {
        auto opened = SqliteStorage::open(QStringLiteral(":memory:"));
        if (!opened || !(*opened)->addDevice(QStringLiteral("fuzz"), hashToken("fuzz-token"))) {
            std::abort();
        }
        return std::move(*opened);
    }();
    return *s;
}

std::string_view takeLine(std::string_view &in)
{
    const size_t end = in.find('\n');
    const std::string_view line = in.substr(0, end);
    in.remove_prefix(end == std::string_view::npos ? in.size() : end + 1);
    return line;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view in(reinterpret_cast<const char *>(data), size);
    httplib::Request request;
    request.method = std::string(takeLine(in));
    for (std::string_view line = takeLine(in); !line.empty(); line = takeLine(in)) {
        const size_t colon = line.find(':');
        if (colon != std::string_view::npos) {
            request.headers.emplace(std::string(line.substr(0, colon)),
                                    std::string(line.substr(std::min(line.size(), colon + 2))));
        }
    }
    if (request.has_header("Content-Type") || !in.empty()) {
        request.headers.emplace("Content-Type", "multipart/form-data; boundary=x");
    }
    while (!in.empty()) {
        const size_t end = in.find("\n--part\n");
        std::string_view part = in.substr(0, end);
        in.remove_prefix(end == std::string_view::npos ? in.size() : end + 8);
        const std::string_view head = takeLine(part);
        const size_t semicolon = head.find(';');
        httplib::MultipartFormData file;
        file.name = std::string(head.substr(0, semicolon));
        file.filename = semicolon == std::string_view::npos ? std::string() : std::string(head.substr(semicolon + 1));
        file.content = std::string(part);
        request.files.emplace(file.name, file);
    }
    httplib::Response response;
    handleSubmissionRequest(request, response, storage(), 100'000'000, {}, {});
    if (response.status >= 500 && response.status != 503) {
        std::abort(); // bad input must never be a server error
    }
    return 0;
}
