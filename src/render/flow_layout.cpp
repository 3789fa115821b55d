// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/flow_layout.h"

#include <numeric>

namespace hiprx::render {

float BlockMetrics::height() const
{
    return padTop + std::accumulate(rows.begin(), rows.end(), 0.0F) + padBottom;
}

namespace {

// The least of block `b` that must share a page with the heading before it: all of it when it
// fits a page, otherwise its head and first body row.
float leadHeight(const BlockMetrics& b, float pageCapacity)
{
    const float whole = b.height();
    if (whole <= pageCapacity)
        return whole;
    float lead = b.padTop + b.padBottom;
    for (std::size_t i = 0; i < b.rows.size() && i <= b.headerRows; ++i)
        lead += b.rows[i];
    return lead;
}

} // namespace

std::vector<Fragment> paginate(std::span<const BlockMetrics> blocks, PageArea first, PageArea next)
{
    std::vector<Fragment> out;
    std::size_t page = 0;
    float y = first.top;
    const auto area = [&](std::size_t p) { return p == 0 ? first : next; };
    const float capacity = next.bottom - next.top;
    const auto newPage = [&] {
        ++page;
        y = next.top;
    };

    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const BlockMetrics& b = blocks[i];
        const float whole = b.height();
        float need = whole;
        // A chain of headings is kept with what follows it.
        for (std::size_t j = i; j + 1 < blocks.size() && blocks[j].keepWithNext; ++j)
            need += blocks[j].gapAfter + (blocks[j + 1].keepWithNext ? blocks[j + 1].height()
                                                                     : leadHeight(blocks[j + 1], capacity));
        const bool pageEmpty = y <= area(page).top;

        if (whole <= area(page).bottom - y &&
            (need <= area(page).bottom - y || pageEmpty || need > capacity)) {
            out.push_back({i, page, y, whole, 0, b.rows.size(), false, false});
            y += whole + b.gapAfter;
            continue;
        }
        if (!pageEmpty)
            newPage();
        if (whole <= area(page).bottom - y) {
            out.push_back({i, page, y, whole, 0, b.rows.size(), false, false});
            y += whole + b.gapAfter;
            continue;
        }

        // Taller than a page: fill pages row by row, repeating the header rows on each new page.
        float headerHeight = 0;
        for (std::size_t r = 0; r < b.headerRows && r < b.rows.size(); ++r)
            headerHeight += b.rows[r];
        std::size_t row = 0;
        bool continued = false;
        while (row < b.rows.size()) {
            const float room = area(page).bottom - y;
            float used = b.padTop + b.padBottom + (continued ? headerHeight : 0.0F);
            std::size_t end = row;
            while (end < b.rows.size() && (end == row || used + b.rows[end] <= room)) {
                used += b.rows[end];
                ++end;
            }
            // Never leave only a table head at the foot of a page.
            if (!continued && end <= b.headerRows && end < b.rows.size() && end > row) {
                while (end < b.rows.size() && end <= b.headerRows) {
                    used += b.rows[end];
                    ++end;
                }
            }
            const bool more = end < b.rows.size();
            out.push_back({i, page, y, used, row, end, continued, more});
            row = end;
            if (more) {
                newPage();
                continued = true;
            } else {
                y += used + b.gapAfter;
            }
        }
    }
    return out;
}

} // namespace hiprx::render
