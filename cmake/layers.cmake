# The layers of interpreter/, lowest first: the one table that the build, the include check
# (tests/layering_test.cc) and README "Layout" are made from. Each layer is a static library of
# its FOLDERS that links only the layers named in BELOW (and, through them, theirs), so an
# upward call fails to link; the test reads every #include, allows an edge between two folders
# only down this table, and fails on any cycle between folders, even within one layer.
# A folder may be split between two layers by file name: MATCHING takes only the files whose
# path under interpreter/ has a match of the regular expression, EXCLUDING leaves them out.
# One call per layer; the arguments are plain words (the test parses them).

planrun_layer(base FOLDERS diagnostics parallel files values ast carbon expressions
              LINK taocpp::pegtl nlohmann_json::nlohmann_json spdlog::spdlog OpenSSL::SSL pugixml::pugixml)
planrun_layer(graph FOLDERS graph BELOW base)
planrun_layer(frontend FOLDERS frontend BELOW base LINK yaml-cpp)
planrun_layer(databases FOLDERS databases BELOW graph LINK Soci::sqlite3 Soci::postgresql Soci::mysql)
planrun_layer(step_kit FOLDERS step_kit process net BELOW graph)
planrun_layer(state FOLDERS state BELOW databases LINK Soci::sqlite3)
planrun_layer(schema FOLDERS schema BELOW databases)
planrun_layer(archive FOLDERS archive BELOW step_kit databases LINK LibArchive::LibArchive)
# The step catalogue: each type's fields and schema (steps/<type>/<type>_fields.*) and their
# list (steps/step_catalog.*), which the compiler, check and explain read. It links no database
# client and no archive library; the actions (the rest of steps/) are built above the loader,
# so the compiler cannot link them.
planrun_layer(catalog FOLDERS steps MATCHING "steps/step_catalog\\.|steps/[a-z_]+/[a-z_]+_fields\\." BELOW step_kit)
planrun_layer(compiler FOLDERS compiler BELOW catalog graph)
planrun_layer(evaluation FOLDERS evaluation BELOW graph)
planrun_layer(loader FOLDERS loader BELOW frontend compiler evaluation)
planrun_layer(steps FOLDERS steps EXCLUDING "steps/step_catalog\\.|steps/[a-z_]+/[a-z_]+_fields\\."
              BELOW catalog step_kit databases schema archive LINK LibArchive::LibArchive yaml-cpp xxhash)
planrun_layer(executor FOLDERS executor BELOW evaluation state steps)
planrun_layer(render FOLDERS render observers BELOW executor)
planrun_layer(cli FOLDERS cli BELOW loader render LINK CLI11::CLI11)
