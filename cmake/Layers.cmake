# Layering, enforced by the compiler: each layer's headers are reachable as "<folder>/x.h" only by
# the layer itself and by targets that link it. Every layer gets its own include root holding a
# single link to its folder, so an include that reaches up or sideways fails to compile.

# hiprx_layer_includes(<target> <folder> <PUBLIC|PRIVATE>)
function(hiprx_layer_includes target folder scope)
  set(root "${PROJECT_BINARY_DIR}/layers/${folder}")
  file(MAKE_DIRECTORY "${root}")
  if(NOT EXISTS "${root}/${folder}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/src/${folder}" "${root}/${folder}" SYMBOLIC)
  endif()
  target_include_directories(${target} ${scope} "${root}")
endfunction()

# hiprx_layer(<target> <folder> SOURCES ... [DEPENDS targets...]): one layer as a static library.
function(hiprx_layer target folder)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(${target} STATIC ${ARG_SOURCES})
  hiprx_layer_includes(${target} ${folder} PUBLIC)
  target_link_libraries(${target} PUBLIC ${ARG_DEPENDS} PRIVATE hiprx_warnings)
endfunction()
