# Compiler settings shared by every target of the project.
add_library(studio_compiler_options INTERFACE)
add_library(Studio::CompilerOptions ALIAS studio_compiler_options)

target_compile_options(studio_compiler_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
if(STUDIO_WARNINGS_AS_ERRORS)
    target_compile_options(studio_compiler_options INTERFACE -Werror)
endif()

# Strict Qt: every string conversion is spelled out, so encodings never happen by accident.
target_compile_definitions(studio_compiler_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)

# The version the CLI, the reports and the About box print.
target_compile_definitions(studio_compiler_options INTERFACE STUDIO_VERSION="${PROJECT_VERSION}")

# Every test and tool finds the samples without depending on the working directory.
set(STUDIO_SAMPLES_DIR "${PROJECT_SOURCE_DIR}/samples")
