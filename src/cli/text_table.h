// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace hiprx::cli {

/// A plain-text table for people: columns padded to their widest cell, counted in characters (not
/// bytes) so names with accents line up.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers);
    void addRow(std::vector<std::string> cells);
    void print(std::ostream& out) const;
    bool empty() const noexcept { return m_rows.empty(); }

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

/// Number of characters in UTF-8 text.
std::size_t displayWidth(const std::string& text);

} // namespace hiprx::cli
