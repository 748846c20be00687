# Runs one bounded libFuzzer session for CTest (cmake -P). Inputs:
#   FUZZER    the fuzzer executable
#   SEEDS     the checked-in seed corpus (copied, never written to)
#   DICT      a libFuzzer dictionary (optional)
#   WORK_DIR  scratch directory: corpus copy and crash artifacts, emptied first
#   ARGS      libFuzzer options (a CMake list)
foreach(var FUZZER SEEDS WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: ${var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus" "${WORK_DIR}/artifacts")
file(GLOB seeds "${SEEDS}/*")
file(COPY ${seeds} DESTINATION "${WORK_DIR}/corpus")

set(dict_arg)
if(DEFINED DICT AND EXISTS "${DICT}")
  set(dict_arg "-dict=${DICT}")
endif()

execute_process(
  COMMAND "${FUZZER}" ${ARGS} ${dict_arg} "-artifact_prefix=${WORK_DIR}/artifacts/" "${WORK_DIR}/corpus"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(GLOB artifacts "${WORK_DIR}/artifacts/*")
  message(FATAL_ERROR "the fuzzer failed (${result}). Reproducers: ${artifacts}. "
                      "Rerun one with: ${FUZZER} FILE")
endif()
