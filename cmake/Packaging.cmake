# Install rules and the Debian package (cpack -G DEB).
# Data files go to <prefix>/share/hiprx, where AppPaths finds them relative to the executable.
set(HIPRX_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/hiprx")
install(DIRECTORY templates/ DESTINATION "${HIPRX_INSTALL_DATADIR}/templates")
install(FILES db/exercises.json DESTINATION "${HIPRX_INSTALL_DATADIR}/db")
install(DIRECTORY assets/ DESTINATION "${HIPRX_INSTALL_DATADIR}/assets" PATTERN "screenshots" EXCLUDE)
install(FILES installer/hiprx.desktop DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES installer/hiprx.png DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps")
install(FILES LICENSE README.md DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/hiprx")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "hiprx")
set(CPACK_PACKAGE_VENDOR "HipRx")
set(CPACK_PACKAGE_CONTACT "HipRx maintainers <maintainers@hiprx.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libcurl and libsecret are loaded when first needed (src/delivery/shared_library.h), so
# dpkg-shlibdeps cannot see them: named here.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, libcurl4, libsecret-1-0, libpq5")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_STRIP_FILES ON)
include(CPack)
