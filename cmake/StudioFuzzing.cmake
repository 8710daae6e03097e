# Instrumentation for the libFuzzer targets in fuzz/ (see docs/FUZZING.md).
#
# Every target of the build gets libFuzzer's coverage instrumentation and AddressSanitizer
# and UndefinedBehaviorSanitizer, so a bug in any core library a fuzz target links is found
# where it happens, not only in the target's own file. libFuzzer's main() is linked into the
# fuzz targets alone (studio_add_fuzzer); other executables link only the sanitizer runtimes.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "STUDIO_BUILD_FUZZERS needs clang for libFuzzer "
                        "(cmake --preset fuzz uses /usr/bin/clang++)")
endif()

set(STUDIO_SANITIZERS address,undefined)
add_compile_options(
    -fsanitize=fuzzer-no-link,${STUDIO_SANITIZERS}
    # Undefined behaviour stops the input like a crash, so libFuzzer keeps it as an artifact.
    -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
add_link_options(-fsanitize=${STUDIO_SANITIZERS})

# Sanitizer runtimes are not linked into shared objects, so the layer check's `-z defs`
# would fail on every library; the other presets enforce the layers.
set(STUDIO_LAYER_CHECK OFF)
