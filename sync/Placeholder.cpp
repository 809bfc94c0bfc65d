// SPDX-License-Identifier: GPL-3.0-or-later
// Replaced by the sync engine.
namespace chorus::sync {
int placeholder() { return 0; }
}
