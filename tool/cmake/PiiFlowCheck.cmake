# pii_flow_check(TARGET <target> [POLICY <file>] [SARIF <file>])
#
# Checks <target> with pii-flow as part of the build: one `pii-flow extract`
# action per source file (a compile-like action, re-run when the source or
# anything it includes changes), and one `pii-flow link` action over all of
# them, which fails the build when it finds a flow the policy forbids. The
# target `<target>_pii_flow` runs with `all`.
#
#   find_package(PiiFlow REQUIRED)
#   add_executable(app main.cpp sync.cpp)
#   target_link_libraries(app PRIVATE PiiFlow::annotations)
#   pii_flow_check(TARGET app SARIF ${CMAKE_BINARY_DIR}/app.sarif)
#
# The extract actions read the target's compile commands from
# compile_commands.json, which this turns on for <target>. They run again
# when what decides those commands changes: the compiler, CMAKE_CXX_FLAGS,
# the target's definitions, options, include directories, features and
# standard (its own and those its dependencies give it), and the sources'
# own flags. CMake writes that list to a file only when it changes.

function(pii_flow_check)
  cmake_parse_arguments(PII "" "TARGET;POLICY;SARIF" "" ${ARGN})
  if(NOT PII_TARGET)
    message(FATAL_ERROR "pii_flow_check: TARGET <target> is required")
  endif()
  if(NOT TARGET ${PII_TARGET})
    message(FATAL_ERROR "pii_flow_check: '${PII_TARGET}' is not a target")
  endif()
  if(PII_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "pii_flow_check: unexpected arguments: ${PII_UNPARSED_ARGUMENTS}")
  endif()
  set_property(TARGET ${PII_TARGET} PROPERTY EXPORT_COMPILE_COMMANDS ON)

  get_target_property(sources ${PII_TARGET} SOURCES)
  get_target_property(source_dir ${PII_TARGET} SOURCE_DIR)
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/pii-flow/${PII_TARGET}")
  # A policy names sources and sinks, which the summaries record: both steps
  # read it, and run again when it changes.
  set(policy_options)
  set(policy_file)
  if(PII_POLICY)
    get_filename_component(policy_file "${PII_POLICY}" ABSOLUTE)
    set(policy_options --policy "${policy_file}")
  endif()
  set(tgt ${PII_TARGET})
  set(flags_text "compiler: ${CMAKE_CXX_COMPILER}
flags: ${CMAKE_CXX_FLAGS}
")
  foreach(config IN LISTS CMAKE_CONFIGURATION_TYPES CMAKE_BUILD_TYPE)
    string(TOUPPER "${config}" upper)
    string(APPEND flags_text
      "$<$<CONFIG:${config}>:${config} flags: ${CMAKE_CXX_FLAGS_${upper}}>\n")
  endforeach()
  foreach(property COMPILE_DEFINITIONS COMPILE_OPTIONS INCLUDE_DIRECTORIES
                   COMPILE_FEATURES CXX_STANDARD CXX_EXTENSIONS
                   POSITION_INDEPENDENT_CODE)
    string(APPEND flags_text
      "${property}: $<TARGET_PROPERTY:${tgt},${property}>\n")
  endforeach()
  set(summaries)
  foreach(source IN LISTS sources)
    foreach(property COMPILE_DEFINITIONS COMPILE_OPTIONS INCLUDE_DIRECTORIES
                     COMPILE_FLAGS)
      get_source_file_property(value "${source}" ${property})
      if(value)
        string(APPEND flags_text "${source} ${property}: ${value}\n")
      endif()
    endforeach()
  endforeach()
  set(flags_file "${out_dir}/$<CONFIG>/compile-flags.txt")
  file(GENERATE OUTPUT "${flags_file}" CONTENT "${flags_text}")
  foreach(source IN LISTS sources)
    # A generator expression is only known at build time, too late to add
    # an action for it: said, not skipped silently.
    if(source MATCHES "\\$<" AND NOT source MATCHES "^\\$<TARGET_OBJECTS:")
      message(WARNING "pii_flow_check(${PII_TARGET}): the source '${source}' "
        "is a generator expression, which pii_flow_check cannot follow; it "
        "is not checked. List the file itself, or check it in a target of "
        "its own.")
      continue()
    endif()
    if(NOT source MATCHES "\\.(c|cc|cpp|cxx|c\\+\\+)$")
      continue()
    endif()
    get_filename_component(source "${source}" ABSOLUTE BASE_DIR "${source_dir}")
    file(RELATIVE_PATH relative "${CMAKE_SOURCE_DIR}" "${source}")
    string(MAKE_C_IDENTIFIER "${relative}" name)
    set(summary "${out_dir}/${name}.summary")
    add_custom_command(
      OUTPUT "${summary}"
      COMMAND "${PII_FLOW_EXECUTABLE}" extract -o "${summary}"
              --depfile "${summary}.d" --source-root "${CMAKE_SOURCE_DIR}"
              ${policy_options} -p "${CMAKE_BINARY_DIR}" "${source}"
      DEPENDS "${source}" "${PII_FLOW_EXECUTABLE}" ${policy_file}
              "${flags_file}"
      DEPFILE "${summary}.d"
      COMMENT "pii-flow: summarizing ${relative}"
      VERBATIM)
    list(APPEND summaries "${summary}")
  endforeach()

  if(NOT summaries)
    message(FATAL_ERROR "pii_flow_check: '${PII_TARGET}' has no C or C++ "
      "source of its own to check")
  endif()

  set(link_options ${policy_options})
  if(PII_SARIF)
    list(APPEND link_options --sarif "${PII_SARIF}")
  endif()
  set(stamp "${out_dir}.checked")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND "${PII_FLOW_EXECUTABLE}" link --source-root "${CMAKE_SOURCE_DIR}"
            ${link_options} ${summaries}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${summaries} "${PII_FLOW_EXECUTABLE}" ${policy_file}
    COMMENT "pii-flow: checking ${PII_TARGET}"
    VERBATIM)
  add_custom_target(${PII_TARGET}_pii_flow ALL DEPENDS "${stamp}")
endfunction()
