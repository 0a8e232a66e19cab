// libzip for the syzba command, loaded when a DOCX is imported and not before: linked as usual,
// libzip brings libcrypto and libbz2 with it, and the loader's work on them (some 4,000 symbol
// relocations) was a fifth of every small command's time, `syzba render` of one file included.
// These are the libzip functions src/import uses, defined here so that the linker (with
// --as-needed) leaves libzip out of the command; each finds the real one on its first call.
// The library (syzba_import) links libzip as before, and so does every other program of it.
// A libzip function src/import starts to use and this file does not define links libzip into the
// command again: it still works, it only starts slower (`ldd build/src/syzba` shows it).
#include <dlfcn.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>

#ifndef SYZBA_LIBZIP_SONAME
#define SYZBA_LIBZIP_SONAME "libzip.so.4"
#endif

namespace {

void* libzip_symbol(const char* name) {
  static void* library = dlopen(SYZBA_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  void* symbol = library != nullptr ? dlsym(library, name) : nullptr;
  if (symbol == nullptr) {
    // The package depends on libzip: only a broken installation gets here.
    std::fprintf(stderr, "syzba: reading DOCX needs %s: %s\n", SYZBA_LIBZIP_SONAME, dlerror());
    std::exit(2);
  }
  return symbol;
}

}  // namespace

// The function NAME with its parameters and the arguments passed on.
#define SYZBA_ZIP_FORWARD(result, name, params, args)                                  \
  extern "C" result name params {                                                      \
    static auto* real = reinterpret_cast<decltype(&name)>(libzip_symbol(#name));       \
    return real args;                                                                  \
  }

SYZBA_ZIP_FORWARD(void, zip_discard, (zip_t * z), (z))
SYZBA_ZIP_FORWARD(void, zip_error_fini, (zip_error_t * e), (e))
SYZBA_ZIP_FORWARD(void, zip_error_init, (zip_error_t * e), (e))
SYZBA_ZIP_FORWARD(const char*, zip_error_strerror, (zip_error_t * e), (e))
SYZBA_ZIP_FORWARD(int, zip_fclose, (zip_file_t * f), (f))
SYZBA_ZIP_FORWARD(zip_file_t*, zip_fopen_index, (zip_t * z, zip_uint64_t i, zip_flags_t fl), (z, i, fl))
SYZBA_ZIP_FORWARD(zip_int64_t, zip_fread, (zip_file_t * f, void* buf, zip_uint64_t n), (f, buf, n))
SYZBA_ZIP_FORWARD(zip_int64_t, zip_name_locate, (zip_t * z, const char* name, zip_flags_t fl), (z, name, fl))
SYZBA_ZIP_FORWARD(zip_t*, zip_open_from_source, (zip_source_t * s, int fl, zip_error_t* e), (s, fl, e))
SYZBA_ZIP_FORWARD(zip_source_t*, zip_source_buffer_create, (const void* data, zip_uint64_t n, int fr, zip_error_t* e),
                  (data, n, fr, e))
SYZBA_ZIP_FORWARD(void, zip_source_free, (zip_source_t * s), (s))
SYZBA_ZIP_FORWARD(int, zip_stat_index, (zip_t * z, zip_uint64_t i, zip_flags_t fl, zip_stat_t* st), (z, i, fl, st))
SYZBA_ZIP_FORWARD(void, zip_stat_init, (zip_stat_t * st), (st))
SYZBA_ZIP_FORWARD(const char*, zip_strerror, (zip_t * z), (z))
