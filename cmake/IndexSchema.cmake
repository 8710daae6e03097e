cmake_policy(VERSION 3.25)
# cmake -P IndexSchema.cmake -DMANIFEST=plugin-manifest.schema.json -DOUTPUT=community-plugins.schema.json
#
# Writes the index's JSON Schema from the manifest's, the one source of truth: an array of
# manifests, the manifest inlined under $defs (its own $defs beside it, so its "#/$defs/..."
# references hold at the new root). The result refers to nothing outside itself, so an editor
# resolves it from the file alone.
file(READ "${MANIFEST}" manifest)
string(JSON manifest_defs ERROR_VARIABLE no_defs GET "${manifest}" "$defs")
if(no_defs)
    set(manifest_defs "{}")
endif()
string(JSON body REMOVE "${manifest}" "$defs")
string(JSON body REMOVE "${body}" "$schema")
string(JSON body REMOVE "${body}" "$id")
string(JSON manifest_id GET "${manifest}" "$id")
string(REGEX REPLACE "/[^/]+$" "/community-plugins.schema.json" index_id "${manifest_id}")

string(JSON defs_count LENGTH "${manifest_defs}")
if(defs_count GREATER 0)
    math(EXPR last "${defs_count} - 1")
    foreach(i RANGE ${last})
        string(JSON name MEMBER "${manifest_defs}" ${i})
        if(name STREQUAL "manifest")
            message(FATAL_ERROR "${MANIFEST}: \$defs/manifest would be overwritten by the entry")
        endif()
    endforeach()
endif()
string(JSON defs SET "${manifest_defs}" "manifest" "${body}")

set(index [=[{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Plugin index (community-plugins.json)",
  "description": "The whole index: one JSON array of plugin manifests. Id uniqueness is checked by plugin-studio validate. Generated from plugin-manifest.schema.json.",
  "type": "array",
  "items": {"$ref": "#/$defs/manifest"}
}]=])
string(JSON index SET "${index}" "$id" "\"${index_id}\"")
string(JSON index SET "${index}" "$defs" "${defs}")
file(WRITE "${OUTPUT}.tmp" "${index}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
