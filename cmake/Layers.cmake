# hiprx_layer(<target> <folder> SOURCES ... [DEPENDS targets...])
# Declares one layer as a static library. Its headers are reachable as "<folder>/x.h" only by the
# layer itself and by targets that link it: each layer gets its own include root holding a single
# link to its folder, so an include that reaches up or sideways fails to compile.
function(hiprx_layer target folder)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  set(root "${PROJECT_BINARY_DIR}/layers/${folder}")
  file(MAKE_DIRECTORY "${root}")
  if(NOT EXISTS "${root}/${folder}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/src/${folder}" "${root}/${folder}" SYMBOLIC)
  endif()
  add_library(${target} STATIC ${ARG_SOURCES})
  target_include_directories(${target} PUBLIC "${root}")
  target_link_libraries(${target} PUBLIC ${ARG_DEPENDS} PRIVATE hiprx_warnings)
endfunction()
