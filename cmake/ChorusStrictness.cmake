# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings, Qt strictness defines (as KDE Kasts uses) and the sanitizer build.

add_compile_definitions(
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    add_compile_options(-Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wcast-qual -Wformat=2)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        add_compile_options(-Wshadow=local)
    else()
        add_compile_options(-Wno-gnu-zero-variadic-macro-arguments)
    endif()
    if(CHORUS_WERROR)
        add_compile_options(-Werror)
    endif()
endif()

if(CHORUS_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

