#include "layout/page_tree.h"

#include <cstdio>

namespace parting::layout {
namespace {

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// " rgb0.80,0.10,0.10" for a coloured run or rule; nothing otherwise.
std::string RgbText(const std::optional<Rgb>& color) {
  if (!color) return "";
  return " rgb" + Fixed(color->r) + "," + Fixed(color->g) + "," + Fixed(color->b);
}

}  // namespace

std::string PageTree::Dump() const {
  std::string out;
  for (size_t f = 0; f < fonts.size(); ++f)
    out += "font " + std::to_string(f) + " " + fonts[f].postscript_name + "\n";
  for (size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    out += "page " + std::to_string(p + 1) + " " + Fixed(page.width) + "x" + Fixed(page.height) +
           "\n";
    for (const Rule& r : page.rules)
      out += "  rule " + Fixed(r.x1) + "," + Fixed(r.y1) + " " + Fixed(r.x2) + "," + Fixed(r.y2) +
             " w" + Fixed(r.width) + " g" + Fixed(r.gray) + RgbText(r.color) + "\n";
    for (const TextRun& run : page.runs)
      out += "  text " + Fixed(run.x) + "," + Fixed(run.y) + " f" + std::to_string(run.font) +
             " " + Fixed(run.size) + (run.gray > 0 ? " g" + Fixed(run.gray) : "") + RgbText(run.color) +
             (run.angle != 0 ? " a" + Fixed(run.angle) : "") + " w" + Fixed(run.width) + " \"" +
             run.text + "\"\n";
    for (const Note& note : page.notes)
      out += "  note " + Fixed(note.x) + "," + Fixed(note.y) + " \"" + note.text + "\"\n";
    if (signature && signature->page == static_cast<int>(p))
      out += "  signature " + Fixed(signature->x) + "," + Fixed(signature->y) + " " +
             Fixed(signature->width) + "x" + Fixed(signature->height) + "\n";
  }
  return out;
}

}  // namespace parting::layout
