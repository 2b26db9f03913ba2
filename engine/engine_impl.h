// Engine::Impl: what an Engine holds, shared by the files that implement its
// entry points (engine.cc, compare.cc).
#pragma once

#include <memory>

#include "compose/composer.h"
#include "layout/typesetter.h"
#include "parting/engine.h"
#include "pdf/sign.h"

namespace parting {

struct Engine::Impl {
  Resources resources;
  std::shared_ptr<const compose::Composer> composer;
  std::shared_ptr<const layout::Typesetter> typesetter;
  std::shared_ptr<const pdf::Signer> signer;  // null: no letter is signed
};

}  // namespace parting
