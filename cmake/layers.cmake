# The layers of interpreter/, lowest first: the one table that the build, the include check
# (tests/layering_test.cc) and README "Layout" are made from. Each layer is a static library of
# its FOLDERS that links only the layers named in BELOW (and, through them, theirs), so an
# upward call fails to link; the test reads every #include, allows an edge between two folders
# only down this table, and fails on any cycle between folders, even within one layer.
# One call per layer; the arguments are plain words (the test parses them).

planrun_layer(base FOLDERS diagnostics parallel files values ast expressions
              LINK taocpp::pegtl nlohmann_json::nlohmann_json spdlog::spdlog OpenSSL::SSL pugixml::pugixml)
planrun_layer(graph FOLDERS graph BELOW base)
planrun_layer(frontend FOLDERS frontend BELOW base LINK yaml-cpp)
planrun_layer(databases FOLDERS databases BELOW graph LINK Soci::sqlite3 Soci::postgresql Soci::mysql)
planrun_layer(step_kit FOLDERS step_kit process net BELOW graph)
planrun_layer(state FOLDERS state BELOW databases LINK Soci::sqlite3)
planrun_layer(schema FOLDERS schema BELOW databases)
planrun_layer(steps FOLDERS steps BELOW step_kit databases schema LINK LibArchive::LibArchive yaml-cpp xxhash)
planrun_layer(compiler FOLDERS compiler BELOW steps graph)
planrun_layer(evaluation FOLDERS evaluation BELOW graph)
planrun_layer(loader FOLDERS loader BELOW frontend compiler evaluation)
planrun_layer(executor FOLDERS executor BELOW evaluation state steps)
planrun_layer(render FOLDERS render observers BELOW executor)
planrun_layer(cli FOLDERS cli BELOW loader render LINK CLI11::CLI11)
