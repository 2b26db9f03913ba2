#include "pdf/object_stream.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>

#include "pdf/deflate.h"

namespace parting::pdf {
namespace {

Status Broken(const std::string& what) {
  return Status::Internal("PDF: cannot pack objects: " + what);
}

// Reads the decimal number at `at` (skipping spaces); false when none.
bool Number(std::string_view s, size_t& at, size_t& value) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\r' || s[at] == '\n')) ++at;
  auto [end, error] = std::from_chars(s.data() + at, s.data() + s.size(), value);
  if (error != std::errc() || end == s.data() + at) return false;
  at = static_cast<size_t>(end - s.data());
  return true;
}

}  // namespace

Result<std::string> PackObjects(std::string_view pdf,
                                const std::map<int, std::string_view>& replace,
                                const std::function<ExtraObjects(int first_free)>& extra,
                                Effort effort) {
  // startxref -> the classic table: "xref", subsections "first count", entries.
  const size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string_view::npos) return Broken("no startxref");
  size_t at = startxref + 9, xref_at = 0;
  if (!Number(pdf, at, xref_at) || xref_at >= pdf.size() || pdf.compare(xref_at, 4, "xref") != 0)
    return Broken("no cross-reference table");
  std::map<size_t, size_t> offset_of;  // object number -> offset, objects in use
  at = xref_at + 4;
  size_t size = 0;
  for (;;) {
    size_t probe = at, first = 0, count = 0;
    if (!Number(pdf, probe, first) || !Number(pdf, probe, count)) break;
    at = probe;
    while (at < pdf.size() && (pdf[at] == '\r' || pdf[at] == '\n' || pdf[at] == ' ')) ++at;
    for (size_t k = 0; k < count; ++k, at += 20) {
      if (at + 20 > pdf.size()) return Broken("a short cross-reference table");
      size_t offset = 0, p = at;
      Number(pdf, p, offset);
      if (pdf[at + 17] != 'n') continue;
      if (offset == 0 || offset >= xref_at) return Broken("an object outside the body");
      offset_of[first + k] = offset;
    }
    size = std::max(size, first + count);
  }
  const size_t trailer_at = pdf.find("trailer", at);
  if (trailer_at == std::string_view::npos || trailer_at > startxref) return Broken("no trailer");
  const size_t open = pdf.find("<<", trailer_at), close = pdf.rfind(">>", startxref);
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return Broken("no trailer dictionary");

  // Each object's bytes run to the next object (or the table).
  std::map<size_t, size_t> end_of;  // offset -> end
  {
    std::vector<size_t> offsets;
    for (const auto& [n, offset] : offset_of) offsets.push_back(offset);
    std::sort(offsets.begin(), offsets.end());
    for (size_t i = 0; i < offsets.size(); ++i)
      end_of[offsets[i]] = i + 1 < offsets.size() ? offsets[i + 1] : xref_at;
  }
  std::string_view trailer = pdf.substr(open, close - open);
  const ExtraObjects more = extra ? extra(static_cast<int>(size)) : ExtraObjects{};
  std::map<size_t, size_t> packed_index;  // object number -> index in the stream
  std::string heads, bodies;
  for (const auto& [number, offset] : offset_of) {
    if (number == 0 || replace.count(static_cast<int>(number))) continue;
    std::string_view object = pdf.substr(offset, end_of[offset] - offset);
    const std::string head = std::to_string(number) + " 0 obj";
    const size_t body = object.find('\n');
    const size_t tail = object.rfind("endobj");
    if (object.compare(0, head.size(), head) != 0 || body == std::string_view::npos ||
        tail == std::string_view::npos || tail < body)
      return Broken("object " + std::to_string(number) + " is not where the table says");
    std::string_view content = object.substr(body + 1, tail - body - 1);
    if (auto it = more.replace.find(static_cast<int>(number)); it != more.replace.end())
      content = it->second;
    if (content.find("\nstream\r\n") != std::string_view::npos ||
        content.find("\nstream\n") != std::string_view::npos)
      continue;  // a stream stays where it is
    packed_index[number] = packed_index.size();
    heads += std::to_string(number) + " " + std::to_string(bodies.size()) + " ";
    bodies += content;
    bodies += '\n';
  }
  for (size_t k = 0; k < more.append.size(); ++k) {
    const size_t number = size + k;
    packed_index[number] = packed_index.size();
    heads += std::to_string(number) + " " + std::to_string(bodies.size()) + " ";
    bodies += more.append[k];
    bodies += '\n';
  }

  // The body without the packed objects, then the object stream.
  std::string out;
  out.reserve(pdf.size());
  std::map<size_t, size_t> new_offset;               // object number -> offset in `out`
  std::vector<std::pair<size_t, size_t>> by_offset;  // offset, number
  for (const auto& [n, offset] : offset_of) by_offset.emplace_back(offset, n);
  std::sort(by_offset.begin(), by_offset.end());
  out.append(pdf.substr(0, by_offset.empty() ? xref_at : by_offset.front().first));
  for (const auto& [offset, n] : by_offset) {
    if (packed_index.count(n)) continue;
    new_offset[n] = out.size();
    if (auto it = replace.find(static_cast<int>(n)); it != replace.end()) {
      out += std::to_string(n) + " 0 obj\n";
      out += it->second;
      out += "endobj\n";
      continue;
    }
    out.append(pdf.substr(offset, end_of[offset] - offset));
  }
  const size_t stream_number = size + more.append.size(), xref_number = stream_number + 1;
  if (!packed_index.empty()) {
    const std::string data = Deflate(heads + bodies, effort);
    if (data.empty()) return Broken("deflate failed");
    new_offset[stream_number] = out.size();
    out += std::to_string(stream_number) + " 0 obj\n<</Type/ObjStm/N " +
           std::to_string(packed_index.size()) + "/First " + std::to_string(heads.size()) +
           "/Filter/FlateDecode/Length " + std::to_string(data.size()) + ">>\nstream\n" + data +
           "\nendstream\nendobj\n";
  }

  // The cross-reference stream: type, offset or stream, generation or index.
  const size_t xref_offset = out.size();
  new_offset[xref_number] = xref_offset;
  const int width = xref_offset < (1u << 16) ? 2 : xref_offset < (1u << 24) ? 3 : 4;
  // The third field: the index in the object stream (or a generation, 0).
  const int width3 = packed_index.size() <= 256 ? 1 : packed_index.size() <= 65536 ? 2 : 3;
  const size_t row = 2 + width + width3;  // PNG filter byte, type, offset, third field
  std::string rows, previous(row - 1, '\0');
  for (size_t n = 0; n <= xref_number; ++n) {
    std::string entry(row - 1, '\0');
    size_t field = 0, last = 0;
    if (packed_index.count(n)) {
      entry[0] = 2;
      field = stream_number;
      last = packed_index[n];
    } else if (new_offset.count(n)) {
      entry[0] = 1;
      field = new_offset[n];
    }
    for (int b = 0; b < width; ++b)
      entry[1 + b] = static_cast<char>(field >> (8 * (width - 1 - b)));
    for (int b = 0; b < width3; ++b)
      entry[1 + width + b] = static_cast<char>(last >> (8 * (width3 - 1 - b)));
    rows += '\2';  // PNG "up": each byte less the one above it
    for (size_t b = 0; b < entry.size(); ++b)
      rows += static_cast<char>(static_cast<unsigned char>(entry[b]) -
                                static_cast<unsigned char>(previous[b]));
    previous = entry;
  }
  const std::string data = Deflate(rows, effort);
  if (data.empty()) return Broken("deflate failed");
  // The trailer's keys but /Size, in the stream's dictionary.
  std::string keys(pdf.substr(open + 2, close - open - 2));
  const size_t size_key = keys.find("/Size");
  if (size_key != std::string::npos) {
    size_t end = size_key + 5, ignored = 0;
    Number(keys, end, ignored);
    keys.erase(size_key, end - size_key);
  }
  while (!keys.empty() && (keys.back() == '\n' || keys.back() == '\r')) keys.pop_back();
  out += std::to_string(xref_number) + " 0 obj\n<<" + keys + "\n/Type/XRef/Size " +
         std::to_string(xref_number + 1) + "/W[1 " + std::to_string(width) + " " +
         std::to_string(width3) + "]/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns " +
         std::to_string(row - 1) + ">>/Length " + std::to_string(data.size()) + ">>\nstream\n" +
         data + "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace parting::pdf
