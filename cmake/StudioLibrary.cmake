# studio_add_library(NAME [ROOT include-root] [ALIAS Name] SOURCES file... DEPENDS target...
#                    [PRIVATE_DEPENDS target...])
#
# One library per concern, as Studio::<Name>. DEPENDS names the layers below it: the only
# libraries of the project its code may use, plus the third-party ones it needs. The link
# check makes that a rule rather than a hope: each library is also linked, alone and whole,
# into a shared object with its declared dependencies and `-z defs`, so a symbol from a
# library that is not below it (an include that goes up or sideways) fails the build.
option(STUDIO_LAYER_CHECK "Link every library alone to enforce the layering" ON)

file(WRITE "${CMAKE_BINARY_DIR}/studio_layer_check.cpp"
     "// Empty: the library under check brings the code.\n")

function(studio_add_library name)
    cmake_parse_arguments(LIB "" "ROOT;ALIAS" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
    if(NOT LIB_ROOT)
        set(LIB_ROOT "${PROJECT_SOURCE_DIR}/app/core")
    endif()
    set(target studio_${name})
    add_library(${target} STATIC ${LIB_SOURCES})
    # Studio::Json, Studio::SimulationEngine: the alias says which layer a target links.
    string(REPLACE "_" ";" words "${name}")
    set(alias "${LIB_ALIAS}")
    foreach(word IN LISTS words)
        if(LIB_ALIAS)
            break()
        endif()
        string(SUBSTRING "${word}" 0 1 first)
        string(TOUPPER "${first}" first)
        string(SUBSTRING "${word}" 1 -1 rest)
        string(APPEND alias "${first}${rest}")
    endforeach()
    add_library(Studio::${alias} ALIAS ${target})
    target_include_directories(${target} PUBLIC "${LIB_ROOT}")
    target_link_libraries(${target}
        PUBLIC ${LIB_DEPENDS}
        PRIVATE Studio::CompilerOptions ${LIB_PRIVATE_DEPENDS})

    if(STUDIO_LAYER_CHECK)
        add_library(${target}_layer_check SHARED "${CMAKE_BINARY_DIR}/studio_layer_check.cpp")
        target_link_libraries(${target}_layer_check PRIVATE
            "$<LINK_LIBRARY:WHOLE_ARCHIVE,${target}>")
        target_link_options(${target}_layer_check PRIVATE "LINKER:-z,defs")
        set_target_properties(${target}_layer_check PROPERTIES
            LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/layer-check"
            AUTOMOC OFF AUTORCC OFF) # nothing of its own to generate
    endif()
endfunction()
