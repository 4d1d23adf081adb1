# Functional test of the swarmergy-engine command line: exit codes, messages naming the JSON
# path and rule, and (when built with engine/simulation) generate -> validate.
# cmake -DENGINE=<exe> -DDATA=<tests/data/scenarios> -DWORK=<scratch dir> -DHAS_GENERATE=ON|OFF -P this
cmake_minimum_required(VERSION 3.25)

set(failures 0)

# run(<expected exit code> <name> args...) -> out, err in the caller's scope
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

# Usage
run(2 "no arguments")
expect_contains("no arguments" "${err}" "usage: swarmergy-engine")
run(0 "--help" --help)
expect_contains("--help" "${out}" "validate")
run(2 "unknown command" frobnicate)
expect_contains("unknown command" "${err}" "unknown command 'frobnicate'")
run(0 "validate --help" validate --help)
expect_contains("validate --help" "${out}" "--scenario FILE")
run(2 "validate without --scenario" validate)
expect_contains("validate without --scenario" "${err}" "missing required option --scenario")
run(2 "validate with unknown option" validate --scenario x.json --fast)
expect_contains("validate with unknown option" "${err}" "unknown option --fast")

# Valid fixture
run(0 "valid fixture" validate --scenario ${DATA}/tiny-two-ruches.json)
expect_contains("valid fixture" "${out}" "valid: 2 ruches, 3 alvéoles, 4 steps")

# Invalid fixtures: file, JSON path, rule
set(invalid
  "invalid-soc0-above-max.json|$.ruches[0].alveoles[0].battery.soc0_kwh|soc0-in-window"
  "invalid-line-unknown-ruche.json|$.lines[0].to|line-unknown-ruche"
  "invalid-series-length.json|$.ruches[1].alveoles[0].pv_kw|series-length"
  "invalid-syntax.json|$.ruches[0].alveoles[1].connection_kw: line 43, column 11|json-syntax"
  "invalid-nan.json|$.ruches[0].alveoles[1].load_kw[1]|non-finite")
foreach(entry IN LISTS invalid)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 file)
  list(GET parts 1 where)
  list(GET parts 2 rule)
  run(1 "${file}" validate --scenario ${DATA}/${file})
  expect_contains("${file}" "${err}" "${where}")
  expect_contains("${file}" "${err}" "[rule ${rule}]")
endforeach()
run(1 "missing file" validate --scenario ${DATA}/no-such-file.json)
expect_contains("missing file" "${err}" "no-such-file.json")

# generate -> validate, deterministic for a seed
if(HAS_GENERATE)
  file(MAKE_DIRECTORY ${WORK})
  run(0 "generate to file" generate --alveoles 20 --ruches 3 --seed 5 --steps 8 --out ${WORK}/gen-a.json)
  run(0 "generated scenario validates" validate --scenario ${WORK}/gen-a.json)
  expect_contains("generated scenario validates" "${out}" "valid: 3 ruches, 20 alvéoles, 8 steps")
  run(0 "generate to stdout" generate --alveoles 20 --ruches 3 --seed 5 --steps 8)
  file(READ ${WORK}/gen-a.json from_file)
  if(NOT out STREQUAL from_file)
    message(SEND_ERROR "generate: stdout and --out differ for the same seed")
  endif()
  run(2 "generate with a bad count" generate --alveoles many --ruches 3 --seed 5)
  expect_contains("generate with a bad count" "${err}" "--alveoles expects an integer")
else()
  message(STATUS "generate not built (no engine/simulation): skipped")
endif()
