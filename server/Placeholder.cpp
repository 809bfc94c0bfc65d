// SPDX-License-Identifier: GPL-3.0-or-later
// Replaced by the receiver implementation.
namespace chorus::server {
int placeholder() { return 0; }
}
