// The Thai test sheet of issue 3: words whose marks collide in naive
// renderers, in regular and bold at several sizes.
#pragma once

#include <string>

#include "compose/document.h"

namespace parting::testing {

inline const char* const kThaiSheetWords[] = {"ที่", "น้ำ", "ป้า", "ปู่", "ฟ้อง",
                                              "กตัญญู", "ค่ำ", "ปั้น", "ฤๅษี"};

inline std::string ThaiSheetLine() {
  std::string line;
  for (const char* word : kThaiSheetWords) line += std::string(line.empty() ? "" : " ") + word;
  return line;
}

inline compose::Document ThaiSheet() {
  using compose::Block;
  using compose::BlockKind;
  using compose::Span;
  compose::Document d;
  d.language = Language::kTh;
  d.bcp47 = "th-TH";
  d.sender_organization = "บริษัท ทดสอบ จำกัด";
  d.recipient_lines = {"คุณสมชาย ใจดี"};
  d.date_line = "22 พฤศจิกายน 2569";
  d.subject = "เรื่อง ตัวอย่างการจัดวางสระและวรรณยุกต์";
  d.salutation = "เรียน คุณสมชาย ใจดี";
  for (bool bold : {false, true})
    d.body.push_back(Block{BlockKind::kParagraph, {Span{ThaiSheetLine(), bold}}, Section::kThanks});
  d.body.push_back(Block{BlockKind::kParagraph,
                         {Span{"ผสมภาษา Thai กับ English และตัวเลข 1,250.00 บาท ในบรรทัดเดียวกัน"}},
                         Section::kThanks});
  d.closing = "ขอแสดงความนับถือ";
  d.signature_lines = {"สมหญิง รักงาน"};
  d.page_label = "หน้า {page} จาก {pages}";
  d.title = "ตัวอย่าง";
  return d;
}

}  // namespace parting::testing
