# Functional test of `swarmergy-engine forecast-eval`: usage errors exit 2, a short run prints
# every target's MAEs and ends with the skill line, and --models writes loadable model files.
# cmake -DENGINE=<exe> -DWORK=<scratch dir> -P this
cmake_minimum_required(VERSION 3.25)

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

function(expect_match name text regex)
  if(NOT text MATCHES "${regex}")
    message(SEND_ERROR "${name}: expected to match '${regex}' in:\n${text}")
  endif()
endfunction()

run(2 "missing options" forecast-eval --seed 1)
expect_match("missing options" "${err}" "missing required option --alveoles")
run(2 "too few training weeks" forecast-eval --seed 1 --alveoles 50 --train-weeks 1 --test-weeks 1)
expect_match("too few training weeks" "${err}" "train-weeks")
run(2 "bad number" forecast-eval --seed 1 --alveoles lots --train-weeks 2 --test-weeks 1)
run(2 "unknown season" forecast-eval --seed 1 --alveoles 50 --train-weeks 2 --test-weeks 1 --season monsoon)
expect_match("unknown season" "${err}" "winter, spring, summer or autumn")
run(2 "season and start" forecast-eval --seed 1 --alveoles 50 --train-weeks 2 --test-weeks 1 --season winter --start 2026-01-01T00:00:00Z)
run(0 "help" forecast-eval --help)
expect_match("help" "${out}" "--train-weeks W")

file(REMOVE_RECURSE ${WORK})
run(0 "short evaluation" forecast-eval --seed 3 --alveoles 60 --ruches 1 --train-weeks 2 --test-weeks 1 --models ${WORK})
expect_match("short evaluation" "${out}" "load \\(kW\\): model MAE [0-9.]+, seasonal-naive MAE [0-9.]+, persistence MAE [0-9.]+, 10-90 % coverage [0-9.]+ %")
expect_match("short evaluation" "${out}" "pv \\(kW\\): model MAE")
expect_match("short evaluation" "${out}" "\nskill: load=-?[0-9]+\\.[0-9]+ pv=-?[0-9]+\\.[0-9]+\n$")
foreach(target load pv irradiance)
  if(NOT EXISTS ${WORK}/ruche-1/${target}.model)
    message(SEND_ERROR "--models did not write ${WORK}/ruche-1/${target}.model")
  endif()
endforeach()

# --season picks the start so that the scored week starts on the season's day.
run(0 "winter season" forecast-eval --seed 3 --alveoles 60 --ruches 1 --train-weeks 2 --test-weeks 1 --season winter)
expect_match("winter season" "${out}" "from 2025-12-29T00:00:00Z, train 2 weeks")
