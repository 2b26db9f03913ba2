// The bundle of hyphenation packs that the build wrote (tools/hyphen_pack.cc),
// linked into the program as read-only data. A build without it (the fuzz
// build, say) gets an empty bundle, and dictionaries load through libhyphen.
#include "layout/hyphen_pack.h"

#ifdef PARTING_HYPHEN_BUNDLE
__asm__(
    ".pushsection .rodata\n"
    ".balign 16\n"
    ".hidden parting_hyphen_bundle_begin\n"
    ".globl parting_hyphen_bundle_begin\n"
    "parting_hyphen_bundle_begin:\n"
    ".incbin \"" PARTING_HYPHEN_BUNDLE "\"\n"
    ".hidden parting_hyphen_bundle_end\n"
    ".globl parting_hyphen_bundle_end\n"
    "parting_hyphen_bundle_end:\n"
    ".byte 0\n"
    ".popsection\n");
extern "C" const char parting_hyphen_bundle_begin[];
extern "C" const char parting_hyphen_bundle_end[];
#endif

namespace parting::layout {

std::string_view EmbeddedHyphenationPacks() {
#ifdef PARTING_HYPHEN_BUNDLE
  return {parting_hyphen_bundle_begin,
          static_cast<size_t>(parting_hyphen_bundle_end - parting_hyphen_bundle_begin)};
#else
  return {};
#endif
}

}  // namespace parting::layout
