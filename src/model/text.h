#pragma once
// UTF-8 decoding and encoding, Cyrillic-aware lower case: internal to the model.
#include <string>
#include <string_view>

namespace syzba::model::text {

std::u32string decode(std::string_view s);  // invalid bytes become spaces
std::string encode(std::u32string_view s);
bool is_cyrillic(char32_t c);
bool is_letter(char32_t c);
bool is_digit(char32_t c);
char32_t to_lower(char32_t c);  // Latin, Russian and Kazakh letters

}  // namespace syzba::model::text
