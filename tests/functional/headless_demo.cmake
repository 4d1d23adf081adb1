# The headless demo (what `scripts/run-demo --headless` starts): simulates the hours asked,
# prints a summary with one line per ruche, writes a non-trivial screenshot and exits 0; bad
# options are refused with a message and exit code 2.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(png ${WORK_DIR}/demo.png)

execute_process(COMMAND ${CONSOLE} --demo --hours 6 --alveoles 120 --ruches 3 --seed 4 --screenshot ${png}
                        --data-dir ${WORK_DIR}/data
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "headless demo failed (${rc}):\n${out}\n${err}")
endif()
if(NOT out MATCHES "Simulated 24 steps of 15 min for 120 alvéoles in 3 ruches")
  message(FATAL_ERROR "summary line missing:\n${out}")
endif()
string(REGEX MATCHALL "ruche-[0-9]+ +self-sufficiency" ruche_lines "${out}")
list(LENGTH ruche_lines n)
if(NOT n EQUAL 3)
  message(FATAL_ERROR "expected 3 ruche lines, got ${n}:\n${out}")
endif()
file(SIZE ${png} png_size)
if(png_size LESS 20000)
  message(FATAL_ERROR "screenshot ${png} is only ${png_size} bytes")
endif()
if(NOT EXISTS ${WORK_DIR}/data/telemetry.sqlite)
  message(FATAL_ERROR "no telemetry written in the data directory")
endif()

execute_process(COMMAND ${CONSOLE} --demo --hours -3 RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET TIMEOUT 60)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--hours must be")
  message(FATAL_ERROR "bad --hours not refused clearly (${rc}): ${err}")
endif()
execute_process(COMMAND ${CONSOLE} --demo --alveoles 10 --ruches 20 RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET TIMEOUT 60)
if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot exceed")
  message(FATAL_ERROR "more ruches than alvéoles not refused clearly (${rc}): ${err}")
endif()
message(STATUS "headless demo ok: ${png} (${png_size} bytes)")
