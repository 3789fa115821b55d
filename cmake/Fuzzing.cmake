# libFuzzer targets (tests/reliability/fuzz) share the clang sanitizer build (preset "asan"), so one
# extra build in CI serves the sanitizer test run, the fuzzers and the crash campaign. Every HipRx
# library then carries libFuzzer's coverage counters (-fsanitize=fuzzer-no-link): the readers being
# fuzzed live in the libraries, and the fuzzer can only steer by code it can see. Only the fuzz
# targets themselves link libFuzzer's main (-fsanitize=fuzzer).
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "HIPRX_BUILD_FUZZERS needs clang (libFuzzer); use: cmake --preset asan")
endif()
add_compile_options(-fsanitize=fuzzer-no-link)
