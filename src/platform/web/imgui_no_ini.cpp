// Dear ImGui reads its .ini settings (window positions, table columns) with sscanf. The app keeps
// no .ini: io.IniFilename is null and nothing ever loads settings, so those readers never run,
// yet libc's sscanf would put all of scanf into the download (2 KB gzip). The web build of ImGui
// calls this instead (CMakeLists.txt); it reads nothing, as if every line were unknown.
extern "C" int sipprep_imgui_no_ini_sscanf(const char*, const char*, ...) { return 0; }
