#include "pdf/marked_content.h"

#include <charconv>
#include <string_view>

#include "pdf/structure.h"

namespace parting::pdf {
namespace {

// `before`, the MCID, `after`.
void AppendMcid(std::string& out, std::string_view before, int mcid, std::string_view after) {
  out += before;
  char buf[16];
  const auto [end, error] = std::to_chars(buf, buf + sizeof buf, mcid);
  out.append(buf, end);
  out += after;
}

}  // namespace

void MarkedContent::Want(int element) {
  if (marks_) want_ = element < 0 ? -1 : element;
}

int MarkedContent::NextMcid() {
  marks_->elements.push_back(want_);
  return static_cast<int>(marks_->elements.size()) - 1;
}

void MarkedContent::Open(std::string& out) {
  if (!marks_ || want_ == kNone || open_ == want_) return;
  Close(out);
  if (want_ < 0)
    out += "/Artifact BMC\n";
  else
    AppendMcid(out, "/P<</MCID ", NextMcid(), ">>BDC\n");
  open_ = want_;
}

void MarkedContent::ArtifactWithText(std::string& out, const std::string& actual_text) {
  if (!marks_) return;
  Close(out);
  out += "/Artifact BMC\n/Span<</ActualText" + actual_text + ">>BDC\n";
  open_ = kArtifactSpan;
}

void MarkedContent::OpenWithText(std::string& out, const std::string& actual_text,
                                 const char* language) {
  if (!marks_ || want_ == kNone) return;
  if (want_ < 0) return ArtifactWithText(out, actual_text);
  Close(out);
  const int mcid = NextMcid();
  if (language) marks_->spans.emplace_back(mcid, language);
  AppendMcid(out, "/Span<</MCID ", mcid, "");
  if (!actual_text.empty()) {
    out += "/ActualText";
    out += actual_text;
  }
  out += ">>BDC\n";
  open_ = kSpan;
}

void MarkedContent::Close(std::string& out) {
  if (open_ == kNone) return;
  out += open_ == kArtifactSpan ? "EMC\nEMC\n" : "EMC\n";
  open_ = kNone;
}

}  // namespace parting::pdf
