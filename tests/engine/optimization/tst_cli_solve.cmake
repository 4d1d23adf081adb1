# Functional test of `swarmergy-engine solve`: generate -> solve with each method -> the
# schedule file exists and says its status; bad input gives the JSON path and exit 1; bad
# options exit 2.
# cmake -DENGINE=<exe> -DWORK=<scratch dir> -P this
cmake_minimum_required(VERSION 3.25)
file(MAKE_DIRECTORY ${WORK})

function(run expected name)
  execute_process(COMMAND ${ENGINE} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code STREQUAL expected)
    message(SEND_ERROR "${name}: exit code ${code}, expected ${expected}\nstdout: ${out}\nstderr: ${err}")
  else()
    message(STATUS "ok: ${name} (exit ${code})")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect_contains name text needle)
  string(FIND "${text}" "${needle}" at)
  if(at EQUAL -1)
    message(SEND_ERROR "${name}: expected to find '${needle}' in:\n${text}")
  endif()
endfunction()

run(0 "solve --help" solve --help)
expect_contains("solve --help" "${out}" "--max-gap G")
run(0 "generate" generate --alveoles 40 --ruches 2 --seed 5 --out ${WORK}/s.json)
run(0 "solve clp" solve --scenario ${WORK}/s.json --out ${WORK}/clp.json --method clp)
expect_contains("solve clp" "${out}" "status optimal")
run(0 "solve decomposition" solve --scenario ${WORK}/s.json --out ${WORK}/dec.json --method decomposition --threads 2 --max-gap 0.001)
expect_contains("solve decomposition" "${out}" "method decomposition")
file(READ ${WORK}/dec.json schedule)
expect_contains("schedule file" "${schedule}" "\"format\": \"swarmergy-schedule/1\"")
expect_contains("schedule file" "${schedule}" "\"bound\":")

file(WRITE ${WORK}/bad.json "{\"format\": \"swarmergy-scenario/1\", \"name\": \"x\", \"start\": \"2026-06-24T00:00:00Z\", \"step_minutes\": 15, \"steps\": 1, \"grid\": {\"import_price\": [0.3], \"export_price\": [0.1]}, \"ruches\": [{\"id\": \"r\", \"alveoles\": [{\"id\": \"a\", \"connection_kw\": 10, \"load_kw\": [-1], \"pv_kw\": [0]}]}]}")
run(1 "solve invalid scenario" solve --scenario ${WORK}/bad.json --out ${WORK}/x.json)
expect_contains("solve invalid scenario" "${err}" "$.ruches[0].alveoles[0].load_kw[0]")
run(2 "solve bad max-gap" solve --scenario ${WORK}/s.json --out ${WORK}/x.json --max-gap 2)
expect_contains("solve bad max-gap" "${err}" "--max-gap")
run(2 "solve bad method" solve --scenario ${WORK}/s.json --out ${WORK}/x.json --method simplex)
run(1 "solve unwritable output" solve --scenario ${WORK}/s.json --out ${WORK}/no/such/dir/x.json)
expect_contains("solve unwritable output" "${err}" "cannot write the schedule")
