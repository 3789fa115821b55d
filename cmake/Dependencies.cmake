# Every external library, found once, exposed as an imported target. Each layer links only what it
# needs (see src/<layer>/CMakeLists.txt).
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(SQLiteCpp REQUIRED)           # Debian ships a config package; the target is "SQLiteCpp"
find_package(CLI11 REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(CURL REQUIRED)              # SMTP for src/delivery; the target is CURL::libcurl

# libharu: no CMake config and no pkg-config file on Debian 12.
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HPDF_LIBRARY NAMES hpdf libhpdf REQUIRED)
add_library(hpdf::hpdf UNKNOWN IMPORTED)
set_target_properties(hpdf::hpdf PROPERTIES
  IMPORTED_LOCATION "${HPDF_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${HPDF_INCLUDE_DIR}")

# libpng: the renderer decodes a PNG logo itself, within bounds, because libharu's PNG reader lets
# libpng abort() the process on a damaged file.
find_package(PNG REQUIRED)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
# TurboJPEG (libjpeg-turbo): clinic exercise pictures are decoded, checked and scaled down here
# before libharu sees them; its API returns errors instead of longjmp-ing through our code.
pkg_check_modules(TURBOJPEG REQUIRED IMPORTED_TARGET libturbojpeg)
# libsecret: the SMTP password in the system keyring (Secret Service) for src/delivery, because
# Debian's wxWidgets 3.2 is built without wxSecretStore.
pkg_check_modules(LIBSECRET REQUIRED IMPORTED_TARGET libsecret-1)
# libpq: clinic mode's PostgreSQL client (the server's own C library; see src/store/sql_postgres.h
# for why not libpqxx 6.4).
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

if(HIPRX_BUILD_APP)
  # CMake 3.25's FindwxWidgets has no imported target: wrap its variables in one.
  find_package(wxWidgets 3.2 REQUIRED COMPONENTS core base)
  add_library(hiprx_wx INTERFACE)
  target_include_directories(hiprx_wx SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
  target_compile_definitions(hiprx_wx INTERFACE ${wxWidgets_DEFINITIONS})
  target_compile_options(hiprx_wx INTERFACE ${wxWidgets_CXX_FLAGS})
  target_link_libraries(hiprx_wx INTERFACE ${wxWidgets_LIBRARIES})
  # poppler-cpp (GPL) rasterises the PDF's own pages for printing and preview.
  if(NOT TARGET PkgConfig::POPPLER_CPP)
    pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
  endif()
endif()
