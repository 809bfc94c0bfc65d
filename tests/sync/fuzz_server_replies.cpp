// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every device- and admin-side parser of server replies over a fake transport
// (OpenRosa HEAD and POST replies, package listings, pull pages, admin API replies). Never
// crashes, never reaches undefined behaviour (UBSan halts), whatever the server sends.
//
// Input: reply segments separated by "\n--reply\n". A segment may start with "!NNN\n" to set
// the HTTP status (default 200). Each request the clients make takes the next segment; when
// they run out, 404.
#include "AdminClient.h"
#include "OpenRosaClient.h"
#include "PackageAdmin.h"
#include "PackageClient.h"
#include "PullClient.h"
#include "RecordingTransport.h"

#include "store/InMemoryStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <string_view>

using namespace chorus;
using namespace chorus::sync;

namespace {

const QUrl kBase(QStringLiteral("http://127.0.0.1:9"));

HttpResponse toResponse(std::string_view segment)
{
    int status = 200;
    if (segment.size() >= 5 && segment[0] == '!' && segment[4] == '\n') {
        const int parsed = QByteArray(segment.data() + 1, 3).toInt();
        status = parsed > 0 ? parsed : 200;
        segment.remove_prefix(5);
    }
    const QByteArray body(segment.data(), qsizetype(segment.size()));
    // The body doubles as the headers a client reads (size limits, Retry-After, OpenRosa).
    const QByteArray firstLine = body.left(64);
    return RecordingTransport::reply(status, body,
                                     {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
                                      {QByteArrayLiteral("x-openrosa-version"), QByteArrayLiteral("1.0")},
                                      {QByteArrayLiteral("x-openrosa-accept-content-length"), firstLine},
                                      {QByteArrayLiteral("retry-after"), firstLine}});
}

// A transport that hands out the segments in order.
struct Replay {
    QList<HttpResponse> replies;
    qsizetype next = 0;

    void install(RecordingTransport &transport)
    {
        transport.setHeadReply(next < replies.size() ? replies.at(next++) : RecordingTransport::reply(404));
        transport.setResponder([this](const HttpRequest &) -> Result<HttpResponse> {
            return next < replies.size() ? replies.at(next++) : RecordingTransport::reply(404, "gone");
        });
    }
};

QString scratchDir()
{
    static QTemporaryDir dir;
    return dir.path();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_server_replies";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);

    Replay replay;
    std::string_view in(reinterpret_cast<const char *>(data), size);
    constexpr std::string_view kSeparator = "\n--reply\n";
    while (replay.replies.size() < 64) {
        const size_t end = in.find(kSeparator);
        replay.replies.append(toResponse(in.substr(0, end)));
        if (end == std::string_view::npos)
            break;
        in.remove_prefix(end + kSeparator.size());
    }

    for (const HttpResponse &reply : std::as_const(replay.replies))
        (void)OpenRosaClient::classify(reply);

    RecordingTransport transport;
    replay.install(transport);
    OpenRosaClient openRosa(transport, QUrl(QStringLiteral("http://127.0.0.1:9/submission")), "token");
    (void)openRosa.head();

    store::InMemoryStore device;
    (void)PackageClient(transport, kBase, "device-token").update(device.surveys(), QByteArray(32, 'k'));

    ReceiverAdmin admin(transport, kBase, "admin-token-0123456789");
    (void)admin.packages();
    (void)admin.devices();
    (void)admin.publishPackage(QStringLiteral("s"), "{}", QByteArray(64, 's'));

    AdminClient adminClient(transport, kBase, "admin-token-0123456789");
    (void)adminClient.list();

    const QString out = scratchDir() + QStringLiteral("/pull");
    QDir(out).removeRecursively();
    (void)PullClient(transport, kBase, "admin-token-0123456789").pull(out);
    return 0;
}
