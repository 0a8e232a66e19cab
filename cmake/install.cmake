# Installing syzba like a real tool (issue 22): `cmake --install`, the CMake package and the
# pkg-config files of the library, the man pages and shell completions made from the command
# line's own --help, and CPack's Debian packages (`make package`):
#   syzba         the command, its man pages, completions, docs, examples, the VS Code grammar;
#   libsyzba-dev  the static libraries, their headers (include/syzba/<module>/<module>.h),
#                 find_package(syzba), syzba.pc and syzba-serve.pc, the API reference.

# Libraries, CMake package and pkg-config files in Debian's multiarch folder (lib/x86_64-linux-gnu),
# where pkg-config looks when cross-compiling too.
if(CMAKE_LIBRARY_ARCHITECTURE AND NOT DEFINED CACHE{CMAKE_INSTALL_LIBDIR})
  set(CMAKE_INSTALL_LIBDIR lib/${CMAKE_LIBRARY_ARCHITECTURE} CACHE PATH "object code libraries (lib)")
endif()
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# `ninja install` and cpack take the build as it is (make package builds it first), so that a
# package test does not build the whole tree again.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(SYZBA_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(SYZBA_GENERATED_DIR ${PROJECT_BINARY_DIR}/packaging)
set(SYZBA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/syzba)
set(SYZBA_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/syzba)
set(SYZBA_DEV_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/libsyzba-dev)

# ---- the library ---------------------------------------------------------------------------
# Each module's target under the name syzba::<module>; its headers are found in the source
# tree while building and in include/syzba once installed, as "io/io.h", "render/render.h".
# Every static library of src/, render/ and export/ (a new module is exported without a change
# here): syzba_io → syzba::io.
set(SYZBA_LIBRARY_TARGETS "")
foreach(dir src render export)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "STATIC_LIBRARY" AND target MATCHES "^syzba_")
      list(APPEND SYZBA_LIBRARY_TARGETS ${target})
    endif()
  endforeach()
endforeach()
foreach(target IN LISTS SYZBA_LIBRARY_TARGETS)
  string(REGEX REPLACE "^syzba_" "" module ${target})
  get_target_property(build_dirs ${target} INTERFACE_INCLUDE_DIRECTORIES)
  set(interface_dirs "")
  if(build_dirs)
    foreach(dir IN LISTS build_dirs)
      list(APPEND interface_dirs "$<BUILD_INTERFACE:${dir}>")
    endforeach()
  endif()
  list(APPEND interface_dirs "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/syzba>")
  set_property(TARGET ${target} PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${interface_dirs}")
  set_property(TARGET ${target} PROPERTY EXPORT_NAME ${module})
endforeach()
# The headers are C++20 (std::span, designated initialisers): say so to whoever links them.
target_compile_features(syzba_model PUBLIC cxx_std_20)

# The public headers: each module's one header, <module>/<module>.h (and model/walk.h, which
# model.h includes). package.install-tree compiles each alone against the installed tree, and
# package.doxygen requires each in docs/Doxyfile's INPUT.
set(SYZBA_PUBLIC_HEADERS src/model/walk.h)
foreach(target IN LISTS SYZBA_LIBRARY_TARGETS)
  string(REGEX REPLACE "^syzba_" "" module ${target})
  foreach(dir src/${module} ${module})
    if(EXISTS ${PROJECT_SOURCE_DIR}/${dir}/${module}.h)
      list(APPEND SYZBA_PUBLIC_HEADERS ${dir}/${module}.h)
    endif()
  endforeach()
endforeach()
foreach(header IN LISTS SYZBA_PUBLIC_HEADERS)
  get_filename_component(module_dir ${header} DIRECTORY)
  get_filename_component(module ${module_dir} NAME)
  install(FILES ${header} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/syzba/${module} COMPONENT dev)
endforeach()

install(TARGETS ${SYZBA_LIBRARY_TARGETS} EXPORT syzba-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
# With --strip (and in the packages), the archives lose their debugging sections as dh_strip
# strips them: 35 MB of static libraries become 4.
set(SYZBA_ARCHIVES "")
foreach(target IN LISTS SYZBA_LIBRARY_TARGETS)
  list(APPEND SYZBA_ARCHIVES "${CMAKE_INSTALL_LIBDIR}/lib${target}.a")
endforeach()
install(CODE "
  if(CMAKE_INSTALL_DO_STRIP)
    foreach(archive ${SYZBA_ARCHIVES})
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug --remove-section=.comment --remove-section=.note
        --enable-deterministic-archives \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/\${archive}\" COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  endif()" COMPONENT dev)
install(EXPORT syzba-targets NAMESPACE syzba:: FILE syzba-targets.cmake
  DESTINATION ${SYZBA_CMAKE_DIR} COMPONENT dev)
set(SYZBA_UMBRELLA "")
foreach(target IN LISTS SYZBA_LIBRARY_TARGETS)
  if(NOT target STREQUAL "syzba_serve")
    string(REGEX REPLACE "^syzba_" "syzba::" name ${target})
    list(APPEND SYZBA_UMBRELLA ${name})
  endif()
endforeach()
configure_package_config_file(${SYZBA_PACKAGING_DIR}/syzba-config.cmake.in
  ${SYZBA_GENERATED_DIR}/syzba-config.cmake INSTALL_DESTINATION ${SYZBA_CMAKE_DIR})
write_basic_package_version_file(${SYZBA_GENERATED_DIR}/syzba-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${SYZBA_GENERATED_DIR}/syzba-config.cmake ${SYZBA_GENERATED_DIR}/syzba-config-version.cmake
  DESTINATION ${SYZBA_CMAKE_DIR} COMPONENT dev)

# pkg-config, relocatable: the prefix is found from where the .pc file lies. The static
# libraries in one linker group, so that their order does not matter; serve (and what only it
# needs: cpp-httplib, zlib) in syzba-serve.pc.
set(SYZBA_PC_LIBS "")
foreach(target IN LISTS SYZBA_LIBRARY_TARGETS)
  if(NOT target STREQUAL "syzba_serve")
    string(APPEND SYZBA_PC_LIBS " -l${target}")
  endif()
endforeach()
file(RELATIVE_PATH SYZBA_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" SYZBA_PC_TO_PREFIX "${SYZBA_PC_TO_PREFIX}")
foreach(pc syzba syzba-serve)
  configure_file(${SYZBA_PACKAGING_DIR}/${pc}.pc.in ${SYZBA_GENERATED_DIR}/${pc}.pc @ONLY)
  install(FILES ${SYZBA_GENERATED_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
endforeach()

install(DIRECTORY examples/api DESTINATION ${SYZBA_DEV_DOC_DIR}/examples COMPONENT dev
  PATTERN out EXCLUDE PATTERN build EXCLUDE)

# The API reference (docs/Doxyfile), when Doxygen is there: `ninja doc`. `make package` builds
# it first; the install takes it when it has been built.
find_program(DOXYGEN doxygen)
if(DOXYGEN)
  add_custom_target(doc
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/docs
    COMMAND sh -c "{ cat docs/Doxyfile; echo 'OUTPUT_DIRECTORY = ${PROJECT_BINARY_DIR}/docs/api'; echo 'WARN_LOGFILE = ${PROJECT_BINARY_DIR}/docs/doxygen-warnings.log'; echo 'PROJECT_NUMBER = ${PROJECT_VERSION}'; } | ${DOXYGEN} -"
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "API reference (Doxygen) in docs/api/html"
    VERBATIM)
endif()
install(DIRECTORY ${PROJECT_BINARY_DIR}/docs/api/html/ DESTINATION ${SYZBA_DEV_DOC_DIR}/api COMPONENT dev OPTIONAL)

# ---- the command ---------------------------------------------------------------------------
install(TARGETS syzba RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT syzba)
# The server `syzba serve` starts (src/cli/serve_verb.cpp looks for it at ../libexec/syzba).
install(TARGETS syzba-serve RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/syzba COMPONENT syzba)

# Man pages and completions from `syzba --help` and `syzba VERB --help`, at every build of
# the command (packaging/cli_docs.py), so that a new verb or option is in them at once.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_program(GZIP gzip REQUIRED)  # Debian's changelogs
execute_process(COMMAND git log -1 --format=%cs WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  OUTPUT_VARIABLE SYZBA_SOURCE_DATE OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  string(TIMESTAMP SYZBA_SOURCE_DATE "%Y-%m-%d" UTC)  # CMake takes SOURCE_DATE_EPOCH itself
endif()
set(SYZBA_CLI_DOCS ${PROJECT_BINARY_DIR}/cli-docs)
set(SYZBA_CLI_DOCS_OUTPUTS ${SYZBA_CLI_DOCS}/stamp ${SYZBA_CLI_DOCS}/man/syzba.1.gz
  ${SYZBA_CLI_DOCS}/completions/syzba.bash ${SYZBA_CLI_DOCS}/completions/_syzba ${SYZBA_CLI_DOCS}/completions/syzba.fish)
add_custom_command(OUTPUT ${SYZBA_CLI_DOCS_OUTPUTS}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${SYZBA_CLI_DOCS}
  COMMAND ${Python3_EXECUTABLE} ${SYZBA_PACKAGING_DIR}/cli_docs.py $<TARGET_FILE:syzba> ${SYZBA_CLI_DOCS}
          --date "${SYZBA_SOURCE_DATE}" --version ${PROJECT_VERSION}
  DEPENDS syzba ${SYZBA_PACKAGING_DIR}/cli_docs.py
  COMMENT "Man pages and shell completions from syzba --help"
  VERBATIM)
add_custom_target(syzba_cli_docs ALL DEPENDS ${SYZBA_CLI_DOCS_OUTPUTS})

install(DIRECTORY ${SYZBA_CLI_DOCS}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT syzba
  FILES_MATCHING PATTERN "*.1.gz")
install(FILES ${SYZBA_CLI_DOCS}/completions/syzba.bash RENAME syzba
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT syzba)
install(FILES ${SYZBA_CLI_DOCS}/completions/_syzba
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT syzba)
install(FILES ${SYZBA_CLI_DOCS}/completions/syzba.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d COMPONENT syzba)

# The VS Code grammar of the text form (the extension's files, not the script that makes it).
install(DIRECTORY editors/vscode/ DESTINATION ${CMAKE_INSTALL_DATADIR}/syzba/vscode COMPONENT syzba
  PATTERN make-grammar.mjs EXCLUDE PATTERN node_modules EXCLUDE PATTERN README.md EXCLUDE)
install(FILES editors/vscode/README.md RENAME vscode.md DESTINATION ${SYZBA_DOC_DIR} COMPONENT syzba)

# Docs, the examples and the models they read (examples/publisher reads ../../models).
install(FILES README.md docs/text-form.md docs/cheatsheet.md DESTINATION ${SYZBA_DOC_DIR} COMPONENT syzba)
install(DIRECTORY examples/ DESTINATION ${SYZBA_DOC_DIR}/examples COMPONENT syzba
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
  PATTERN out EXCLUDE PATTERN api EXCLUDE)
install(DIRECTORY models/ DESTINATION ${SYZBA_DOC_DIR}/models COMPONENT syzba)

# Debian's copyright and changelog files, one of each per package.
string(TIMESTAMP SYZBA_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
if(SYZBA_SOURCE_DATE AND NOT DEFINED ENV{SOURCE_DATE_EPOCH})
  execute_process(COMMAND date -u -R -d "${SYZBA_SOURCE_DATE}" OUTPUT_VARIABLE SYZBA_CHANGELOG_DATE
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
set(SYZBA_MAINTAINER "syzba maintainers <maintainers@users.noreply.b-seed-9722fcc6.example>")
foreach(package syzba libsyzba-dev)
  if(package STREQUAL "syzba")
    set(component syzba)
  else()
    set(component dev)
  endif()
  set(SYZBA_DEB_PACKAGE ${package})
  configure_file(${SYZBA_PACKAGING_DIR}/changelog.Debian.in ${SYZBA_GENERATED_DIR}/${package}/changelog.Debian @ONLY)
  add_custom_command(OUTPUT ${SYZBA_GENERATED_DIR}/${package}/changelog.Debian.gz
    COMMAND ${GZIP} -9nkf ${SYZBA_GENERATED_DIR}/${package}/changelog.Debian
    DEPENDS ${SYZBA_GENERATED_DIR}/${package}/changelog.Debian VERBATIM)
  list(APPEND SYZBA_CHANGELOGS ${SYZBA_GENERATED_DIR}/${package}/changelog.Debian.gz)
  install(FILES ${SYZBA_PACKAGING_DIR}/copyright ${SYZBA_GENERATED_DIR}/${package}/changelog.Debian.gz
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()
add_custom_target(syzba_changelogs ALL DEPENDS ${SYZBA_CHANGELOGS})
install(FILES ${SYZBA_PACKAGING_DIR}/lintian-overrides/syzba
  DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides COMPONENT syzba)
install(FILES ${SYZBA_PACKAGING_DIR}/lintian-overrides/libsyzba-dev
  DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides COMPONENT dev)

# ---- CPack: the Debian packages ------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME syzba)
set(CPACK_PACKAGE_VENDOR "syzba")
set(CPACK_PACKAGE_CONTACT "${SYZBA_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL syzba dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_SYZBA_PACKAGE_NAME syzba)
set(CPACK_DEBIAN_SYZBA_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_SYZBA_PACKAGE_SHLIBDEPS ON)
# The command opens libzip, pangocairo and Cairo itself (src/cli/zip_on_demand.cpp,
# cairo_on_demand.cpp), so dpkg-shlibdeps may not see them: libzip.so.4 is package libzip4,
# libpangocairo-1.0.so.0 is libpangocairo-1.0-0 (Cairo, libcairo2, comes with it).
string(REGEX REPLACE "^lib(.+)\\.so\\.([0-9]+)$" "lib\\1\\2" SYZBA_LIBZIP_PACKAGE "${SYZBA_LIBZIP_SONAME}")
string(REGEX REPLACE "^lib(.+)\\.so\\.([0-9]+)$" "lib\\1-\\2" SYZBA_PANGOCAIRO_PACKAGE "${SYZBA_PANGOCAIRO_SONAME}")
set(CPACK_DEBIAN_SYZBA_PACKAGE_DEPENDS "${SYZBA_LIBZIP_PACKAGE}, ${SYZBA_PANGOCAIRO_PACKAGE}")
set(CPACK_DEBIAN_SYZBA_PACKAGE_RECOMMENDS "fonts-liberation2 | fonts-noto-core | fonts-dejavu-core")
set(CPACK_DEBIAN_SYZBA_DESCRIPTION "check, lay out and draw BPMN models of state-service regulations
syzba captures the process diagrams of Kazakh state-service regulations as
standard BPMN 2.0 XML or as a text form written in the regulation's own words
(Kazakh, Russian or English), checks them as graphs (reachability, refusal
branches, durations against the declared term, soundness), lays them out in
pools and lanes, and renders them to SVG, PDF and PNG with their legend.
It also writes the action table, publishes a static website of diagrams and
serves the modeler page and a diagram API over HTTP.")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libsyzba-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE SYZBA_DEB_ARCH
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(SYZBA_DEB_ARCH)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${SYZBA_DEB_ARCH})
  set(CPACK_DEBIAN_DEV_PACKAGE_ARCHITECTURE ${SYZBA_DEB_ARCH})
endif()
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "libpugixml-dev, libfmt-dev, nlohmann-json3-dev, libpango1.0-dev, libcairo2-dev, libfontconfig-dev, libdeflate-dev, libzip-dev, zlib1g-dev, libcpp-httplib-dev, pkgconf | pkg-config")
set(CPACK_DEBIAN_DEV_DESCRIPTION "C++20 library of syzba: BPMN models of state-service regulations
The static libraries and headers of syzba's modules: the BPMN model, reading
and writing BPMN 2.0 XML and the text form, the checks, the layered layout in
pools and lanes, the scene and its SVG, PDF and PNG export, the action table,
the website, the pipeline the command line and the server share, and the
server itself. find_package(syzba) gives the targets syzba::io, syzba::check,
syzba::render, ...; pkg-config gives syzba and syzba-serve. An example program
and the API reference are in /usr/share/doc/libsyzba-dev.")
include(CPack)
