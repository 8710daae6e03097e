# The Debian package, made by CPack from the install rules (packaging/build-deb.sh). Runtime
# dependencies come from dpkg-shlibdeps on the installed executable, so they follow the
# distribution's library package names.
set(STUDIO_PACKAGE_MAINTAINER "Plugin Studio maintainers <maintainers@plugin-studio.example>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plugin-studio)
set(CPACK_PACKAGE_VENDOR "Plugin Studio maintainers")
set(CPACK_PACKAGE_CONTACT "${STUDIO_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # plugin-studio_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${STUDIO_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/plugin-studio/plugin-studio")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt plugins are loaded at run time, so dpkg-shlibdeps cannot see them: the SQLite driver of
# the run history. CPack adds the libraries it finds to these.
set(CPACK_DEBIAN_PACKAGE_DEPENDS libqt6sql6-sqlite)
# Git runs as a child process (GitBase) for the export's diff against the branch's base;
# the image formats plugins decode WebP and other logos.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, qt6-image-formats-plugins")
# The synopsis, then the extended description (CPack indents it).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "studio and command line for the wearable conversation app's plugins")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"Plugin Studio edits a plugin's manifest as a form and as JSON in sync,
validates it the way the app will treat it (with exact line:column
diagnostics), previews it as the app's store shows it, simulates the app
calling the plugin's webhook, and exports the submission for the pull request
to the plugin index. The same checks and simulations run headless from the
plugin-studio command, for continuous integration.")
include(CPack)
