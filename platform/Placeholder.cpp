// SPDX-License-Identifier: GPL-3.0-or-later
// Replaced by the platform services.
namespace chorus::platform {
int placeholder() { return 0; }
}
