// SPDX-License-Identifier: GPL-3.0-or-later
//
// Folding names for search: "Tomás Álvarez-Łukasz" → "tomas alvarez lukasz". Stored beside each
// patient's name (patients.name_key) and applied to the query, so search ignores case and accents
// without an ICU dependency.
#pragma once

#include <string>
#include <string_view>

namespace hiprx::store {

/// Lower-cases and strips accents from Latin letters (ASCII, Latin-1 Supplement, Latin Extended-A:
/// Á→a, ß→ss, Ł→l, Ø→o, Æ→ae), lower-cases Greek (dropping tonos and folding final sigma) and
/// Cyrillic (ё→е), drops combining marks, turns spaces, hyphens, apostrophes, commas and dots into
/// word breaks, and joins the words with one space. Other characters pass through unchanged;
/// invalid UTF-8 bytes are dropped.
std::string nameKey(std::string_view text);

} // namespace hiprx::store
