// Family names, titles and towns from free-form request text, and the
// address line and salutation title of a person per language.
#include "compose/person_name.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "compose/escape.h"

namespace parting::compose {
namespace {

// Lower-case particles that belong to the family name that follows them.
constexpr std::array<std::string_view, 22> kParticles = {
    "von", "van", "vom", "zu",  "zum",   "zur", "de", "der", "den", "du",  "da",
    "das", "dos", "di",  "del", "della", "le",  "la", "ten", "ter", "bin", "al"};

// Academic titles that lead a name, as written in the five languages. A word
// ending in a dot is not a title unless it is here: "J." is an initial.
constexpr std::array<std::string_view, 34> kTitles = {
    "Dr.",  "Dr",   "dr",      "dr.",       "Dra.",  "Dra",   "Prof.", "Prof",    "prof.",
    "prof", "Profa.", "Professor", "Professora", "Dr.-Ing.", "Dr.-Ing", "Dipl.-Ing.", "Dipl.-Kfm.",
    "Dipl.-Kffr.", "Dipl.-Psych.", "Mag.", "Ing.", "Eng.", "mgr", "mgr.", "Mgr", "inż.", "lek.",
    "PD", "Priv.-Doz.", "Doz.", "hab.", "habil.", "h.c.", "mult."};

// Words that follow a doctorate and belong to it ("Dr. med.", "dr hab.").
constexpr std::array<std::string_view, 13> kQualifiers = {
    "med.", "dent.", "vet.", "rer.", "nat.", "pol.", "oec.", "phil.", "jur.", "iur.", "theol.",
    "nauk", "inż."};

struct Courtesy {
  std::string_view word;
  FormOfAddress form;
};
constexpr std::array<Courtesy, 19> kCourtesies = {{
    {"Mr.", FormOfAddress::kMr},    {"Mr", FormOfAddress::kMr},     {"Mrs.", FormOfAddress::kMs},
    {"Mrs", FormOfAddress::kMs},    {"Ms.", FormOfAddress::kMs},    {"Ms", FormOfAddress::kMs},
    {"Miss", FormOfAddress::kMs},   {"Herr", FormOfAddress::kMr},   {"Herrn", FormOfAddress::kMr},
    {"Frau", FormOfAddress::kMs},   {"Sr.", FormOfAddress::kMr},    {"Sra.", FormOfAddress::kMs},
    {"Srta.", FormOfAddress::kMs},  {"Senhor", FormOfAddress::kMr}, {"Senhora", FormOfAddress::kMs},
    {"Pan", FormOfAddress::kMr},    {"Pani", FormOfAddress::kMs},   {"Sir", FormOfAddress::kMr},
    {"Madam", FormOfAddress::kMs},
}};

// Thai titles written before the given name, often without a space. Longest
// first, so that นางสาว is not read as นาง + สาว….
constexpr std::array<std::string_view, 8> kThaiTitleWords = {
    "ผู้ช่วยศาสตราจารย์", "รองศาสตราจารย์", "ศาสตราจารย์", "นางสาว", "นาง", "นาย", "คุณ", "ท่าน"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsParticle(std::string_view word) { return In(kParticles, word); }

bool IsThaiLetterAt(std::string_view text, size_t i) {
  return i + 3 <= text.size() && static_cast<unsigned char>(text[i]) == 0xE0 &&
         (static_cast<unsigned char>(text[i + 1]) == 0xB8 ||
          static_cast<unsigned char>(text[i + 1]) == 0xB9);
}

// The length of a Thai abbreviated title at the start of `text`: groups of
// one to three Thai letters, each closed by a dot ("ดร.", "ศ.ดร.", "พ.ต.อ.",
// "น.ส."); 0 for none.
size_t ThaiAbbreviation(std::string_view text) {
  size_t i = 0;
  size_t matched = 0;
  while (true) {
    size_t letters = 0;
    size_t j = i;
    while (letters < 3 && IsThaiLetterAt(text, j)) {
      j += 3;
      ++letters;
    }
    if (letters == 0 || j >= text.size() || text[j] != '.') break;
    i = j + 1;
    matched = i;
  }
  return matched;
}

// The Thai titles at the start of `name` (with the spaces between them), "" for none.
std::string ThaiTitle(std::string_view name) {
  size_t end = 0;
  while (true) {
    std::string_view rest = name.substr(end);
    size_t length = ThaiAbbreviation(rest);
    if (length == 0)
      for (std::string_view word : kThaiTitleWords)
        if (rest.starts_with(word)) {
          length = word.size();
          break;
        }
    if (length == 0) break;
    end += length;
    while (end < name.size() && name[end] == ' ') ++end;
  }
  std::string title(name.substr(0, end));
  while (!title.empty() && title.back() == ' ') title.pop_back();
  // A title alone is not a name with a title: "คุณ" by itself stays the name.
  return end >= name.size() ? "" : title;
}

std::vector<std::string> Words(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

std::string Surname(const std::vector<std::string>& words, size_t first) {
  if (first >= words.size()) return "";
  size_t start = words.size() - 1;
  while (start > first + 1 && IsParticle(words[start - 1])) --start;
  // "von Bergen" alone: the particle is part of the name, not a first name.
  if (start == first + 1 && IsParticle(words[first])) start = first;
  return Join(words, start, words.size());
}

bool HasTitle(const std::vector<std::string>& titles, std::initializer_list<std::string_view> any) {
  for (const std::string& title : titles)
    for (std::string_view word : any)
      if (title == word) return true;
  return false;
}

bool IsDoctor(const std::vector<std::string>& titles) {
  return HasTitle(titles, {"Dr.", "Dr", "dr", "dr.", "Dra.", "Dra", "Dr.-Ing.", "Dr.-Ing"});
}
bool IsProfessor(const std::vector<std::string>& titles) {
  return HasTitle(titles,
                  {"Prof.", "Prof", "prof.", "prof", "Profa.", "Professor", "Professora"});
}

// Polish writes degrees in lower case ("dr hab. inż."), Portuguese in the
// person's gender ("Dra.", "Profa."); the others keep the title as given.
std::string LocalTitle(Language language, FormOfAddress form, const std::string& title) {
  if (language == Language::kPl) {
    if (title == "Dr." || title == "Dr" || title == "dr.") return "dr";
    if (title == "Prof." || title == "Prof" || title == "prof") return "prof.";
    if (title == "Mgr" || title == "mgr.") return "mgr";
    return title;
  }
  if (language == Language::kPt && form == FormOfAddress::kMs) {
    if (title == "Dr." || title == "Dr") return "Dra.";
    if (title == "Prof." || title == "Prof") return "Profa.";
  }
  return title;
}

std::string SalutationTitle(Language language, FormOfAddress form,
                            const std::vector<std::string>& titles) {
  const bool professor = IsProfessor(titles);
  const bool doctor = IsDoctor(titles);
  const bool ms = form == FormOfAddress::kMs;
  switch (language) {
    case Language::kEn:
      return professor ? "Professor" : doctor ? "Dr." : "";
    case Language::kDe:
      // DIN 5008: the highest title only, abbreviated, before the surname.
      return professor ? "Prof." : doctor ? "Dr." : "";
    case Language::kPt:
      return professor ? (ms ? "Profa." : "Prof.") : doctor ? (ms ? "Dra." : "Dr.") : "";
    case Language::kPl:
      // The vocative a Polish letter uses: "Szanowny Panie Doktorze,".
      if (form == FormOfAddress::kNeutral) return "";
      return professor ? (ms ? "Profesor" : "Profesorze") : doctor ? (ms ? "Doktor" : "Doktorze") : "";
    case Language::kTh:
      return "";
  }
  return "";
}

}  // namespace

NameParts SplitName(std::string_view name) {
  NameParts parts;
  std::string clean = CleanText(name);
  parts.thai_title = ThaiTitle(clean);
  std::vector<std::string> words = Words(clean);
  if (words.empty()) return parts;
  size_t first = 0;  // the first word after courtesy words and titles
  // A courtesy word and titles lead the name; the last word is never one.
  if (words.size() > 1)
    for (const Courtesy& courtesy : kCourtesies)
      if (words[0] == courtesy.word) {
        parts.courtesy = words[0];
        parts.courtesy_form = courtesy.form;
        first = 1;
        break;
      }
  const size_t title_start = first;
  while (first + 1 < words.size() &&
         (In(kTitles, words[first]) || (first > title_start && In(kQualifiers, words[first]))))
    ++first;
  parts.title = Join(words, title_start, first);
  parts.bare = Join(words, first, words.size());
  size_t comma = parts.bare.find(',');
  if (comma != std::string::npos)
    parts.surname = CleanText(parts.bare.substr(0, comma));
  else
    parts.surname = Surname(words, first);
  return parts;
}

AddressedPerson AddressPerson(Language language, FormOfAddress form, std::string_view name,
                              const std::map<FormOfAddress, std::string>& courtesy) {
  AddressedPerson out;
  out.parts = SplitName(name);
  const NameParts& parts = out.parts;
  out.form = form != FormOfAddress::kNeutral ? form : parts.courtesy_form;
  if (parts.bare.empty()) return out;
  const std::vector<std::string> titles = Words(parts.title);
  out.salutation_title = SalutationTitle(language, out.form, titles);
  // "Mrs. Jane Doe" is greeted as the name asks: "Dear Mrs. Doe:".
  if (language == Language::kEn && out.salutation_title.empty() && parts.courtesy_form == out.form &&
      parts.courtesy.find('.') != std::string::npos)
    out.salutation_title = parts.courtesy;
  std::string local_titles;
  for (const std::string& title : titles)
    local_titles += (local_titles.empty() ? "" : " ") + LocalTitle(language, out.form, title);
  auto found = courtesy.find(out.form);
  const std::string word = found == courtesy.end() ? "" : found->second;
  auto join = [](std::initializer_list<std::string_view> pieces) {
    std::string line;
    for (std::string_view piece : pieces)
      if (!piece.empty()) line += (line.empty() ? "" : " ") + std::string(piece);
    return line;
  };
  switch (language) {
    case Language::kEn:
    case Language::kPt:
      // A title takes the place of Mr./Sr.: "Dr. Maria Keller", never "Mr. Dr.".
      if (!local_titles.empty())
        out.window_line = join({local_titles, parts.bare});
      else if (language == Language::kEn && !parts.courtesy.empty() &&
               parts.courtesy_form == out.form && parts.courtesy.find('.') != std::string::npos)
        out.window_line = join({parts.courtesy, parts.bare});  // "Mrs." as the name gives it
      else
        out.window_line = join({word, parts.bare});
      break;
    case Language::kDe:
    case Language::kPl:
      out.window_line = join({word, local_titles, parts.bare});  // "Herrn Dr. …", "Pan dr …"
      break;
    case Language::kTh: {
      // A name with its own title (นางสาว…, ดร.…, Dr. …) takes no คุณ; คุณ
      // joins a Thai name without a space, a Latin one with a space.
      std::string clean = CleanText(name);
      if (!parts.thai_title.empty() || !parts.title.empty() || !parts.courtesy.empty() ||
          word.empty())
        out.window_line = clean;
      else
        out.window_line = word + (IsThaiLetterAt(clean, 0) ? "" : " ") + clean;
      break;
    }
  }
  return out;
}

namespace {

bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiCapital(char c) { return c >= 'A' && c <= 'Z'; }

// How many of `text`'s bytes from `at` on are ASCII digits.
size_t DigitsAt(std::string_view text, size_t at) {
  size_t n = 0;
  while (at + n < text.size() && IsAsciiDigit(text[at + n])) ++n;
  return n;
}

// The length of the postcode at the start of `line` (an optional country
// prefix "D-", then 12345, 1234, 12-345 or 12345-678), 0 when none is there.
size_t PostcodeLength(std::string_view line) {
  size_t at = 0;
  if (line.size() > 2 && IsAsciiCapital(line[0]) && line[1] == '-') at = 2;
  else if (line.size() > 3 && IsAsciiCapital(line[0]) && IsAsciiCapital(line[1]) && line[2] == '-')
    at = 3;
  const size_t first = DigitsAt(line, at);
  if ((first == 2 || first == 5) && at + first < line.size() && line[at + first] == '-' &&
      DigitsAt(line, at + first + 1) == 3)
    return at + first + 4;
  return first == 4 || first == 5 ? at + first : 0;
}

}  // namespace

std::string TownOf(const std::vector<std::string>& address) {
  if (address.empty()) return "";
  // "20457 Hamburg", "00-950 Warszawa", "01310-200 São Paulo": the postcode,
  // spaces, then the town.
  const std::string line = CleanText(address.back());
  const size_t postcode = PostcodeLength(line);
  size_t at = postcode;
  while (at < line.size() && IsAsciiSpace(line[at])) ++at;
  if (postcode == 0 || at == postcode || at == line.size()) return "";
  std::string_view town = std::string_view(line).substr(at);
  // "São Paulo – SP", "Curitiba/PR": the state code is not part of the town.
  if (town.size() >= 3 && IsAsciiCapital(town[town.size() - 1]) &&
      IsAsciiCapital(town[town.size() - 2])) {
    std::string_view rest = town.substr(0, town.size() - 2);
    while (!rest.empty() && IsAsciiSpace(rest.back())) rest.remove_suffix(1);
    size_t separator = 0;
    if (rest.ends_with("\u2013")) separator = 3;
    else if (rest.ends_with("-") || rest.ends_with("/")) separator = 1;
    if (separator > 0) {
      rest.remove_suffix(separator);
      while (!rest.empty() && IsAsciiSpace(rest.back())) rest.remove_suffix(1);
      return std::string(rest);
    }
  }
  return std::string(town);
}

}  // namespace parting::compose
