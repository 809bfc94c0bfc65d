# SPDX-License-Identifier: GPL-3.0-or-later
# Seeds the workspace the admin screenshots show: keys (so the Keys page shows ids and the
# fingerprint) and a signed survey from the demo template. Run with -P by ctest.
#   -DCHORUSCTL=... -DWS=... -DTEMPLATE=...
file(REMOVE_RECURSE ${WS})
file(MAKE_DIRECTORY ${WS}/surveys)
file(WRITE ${WS}/screenshot-passphrase "screenshot passphrase only\n")
foreach(_step
        "keys;init;--dir;${WS}/keys;--passphrase-file;${WS}/screenshot-passphrase;--kdf;interactive"
        "survey;new;--from;${TEMPLATE};--public-key-file;${WS}/keys/council-rsa.pub;--out;${WS}/surveys/libraries-2026.chorus.json"
        "survey;sign;${WS}/surveys/libraries-2026.chorus.json;--keys;${WS}/keys;--passphrase-file;${WS}/screenshot-passphrase")
    execute_process(COMMAND ${CHORUSCTL} ${_step} RESULT_VARIABLE _rc OUTPUT_QUIET)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "chorusctl ${_step} failed (${_rc})")
    endif()
endforeach()
file(REMOVE ${WS}/screenshot-passphrase)
