# hiprx_embed_files(<target> <namespace> <function> FILES f1 f2 ...)
# Generates a .cpp that compiles the given text files into the binary, exposing
#   std::span<const hiprx::EmbeddedFile> <namespace>::<function>()
# in file order. Used for the SQL migrations, so a binary never meets a schema it does not know.
function(hiprx_embed_files target namespace function)
  cmake_parse_arguments(ARG "" "" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${function}_embedded.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${CMAKE_COMMAND}" -DOUT=${out} -DNAMESPACE=${namespace} -DFUNCTION=${function}
            "-DFILES=${ARG_FILES}" -P "${PROJECT_SOURCE_DIR}/cmake/embed_files_script.cmake"
    DEPENDS ${ARG_FILES} "${PROJECT_SOURCE_DIR}/cmake/embed_files_script.cmake"
    COMMENT "Embedding ${function}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
