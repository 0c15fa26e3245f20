# embed_text(TARGET_SOURCE_VAR OUT NAMESPACE name=path ...) — generate a .cpp at build time.
function(embed_text out_var out_file namespace)
  set(pairs "")
  set(deps "")
  foreach(pair IN LISTS ARGN)
    string(REPLACE "=" ";" parts "${pair}")
    list(GET parts 1 path)
    list(APPEND deps "${path}")
    list(APPEND pairs "${pair}")
  endforeach()
  string(REPLACE ";" "|" pairs_arg "${pairs}")
  add_custom_command(
    OUTPUT "${out_file}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_file} -DNAMESPACE=${namespace} "-DINPUTS=${pairs_arg}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake"
    DEPENDS ${deps} "${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake"
    COMMENT "Embedding ${namespace} texts"
    VERBATIM)
  set(${out_var} "${out_file}" PARENT_SCOPE)
endfunction()
