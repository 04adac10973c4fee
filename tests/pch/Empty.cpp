// The precompiled Qt Test headers' own translation unit (see tests/CMakeLists.txt): the
// headers are compiled once here and reused by every test.
