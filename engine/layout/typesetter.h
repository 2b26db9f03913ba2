// Typesetter: Document -> PageTree. Owns fonts, shaping, line and paragraph
// breaking, the letter page model and pagination.
//
// Load() opens the font files once; Lay() is const and thread-safe.
#pragma once

#include <filesystem>
#include <memory>

#include "compose/document.h"
#include "layout/page_tree.h"
#include "parting/status.h"

namespace parting::layout {

class Typesetter {
 public:
  /// `fonts_dir` holds the TrueType files the letters embed.
  static Result<std::shared_ptr<const Typesetter>> Load(const std::filesystem::path& fonts_dir);

  Result<PageTree> Lay(const compose::Document& document) const;

  /// Opens the hyphenation dictionaries now instead of on first use.
  void WarmUp() const;

  struct Impl;
  explicit Typesetter(std::unique_ptr<Impl> impl);
  ~Typesetter();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parting::layout
