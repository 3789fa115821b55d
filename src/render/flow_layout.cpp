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

/// One pagination pass; `compact[i]` makes block i use its compact layout wherever it goes.
std::vector<Fragment> place(std::span<const BlockMetrics> blocks, PageArea first, PageArea next,
                            const std::vector<bool>& compact)
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
    // Block j compact in `room`: forced, or it does not fit whole in a room that is still more than
    // kMostEmptyShare of its page while its compact layout does.
    const auto compactIn = [&](std::size_t j, float room) {
        const BlockMetrics& b = blocks[j];
        if (b.compactHeight <= 0)
            return false;
        if (compact[j])
            return true;
        const PageArea a = area(page);
        const bool roomy = room >= kMostEmptyShare * (a.bottom - a.top) || room >= a.bottom - a.top - 0.01F;
        return b.height() > room && b.compactHeight <= room && roomy;
    };
    const auto place1 = [&](std::size_t i, float h, bool isCompact) {
        const BlockMetrics& b = blocks[i];
        Fragment f{i, page, y, h, 0, b.rows.size(), false, false};
        f.compact = isCompact;
        out.push_back(f);
        y += h + b.gapAfter;
    };

    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const BlockMetrics& b = blocks[i];
        if (compact[i] && b.compactHeight > 0) {
            if (b.compactHeight > area(page).bottom - y && y > area(page).top)
                newPage();
            place1(i, b.compactHeight, true);
            continue;
        }
        const float whole = b.height();
        float need = whole;
        // A chain of headings is kept with what follows it (compact when that is how it will go).
        float chainRoom = area(page).bottom - y - whole;
        for (std::size_t j = i; j + 1 < blocks.size() && blocks[j].keepWithNext; ++j) {
            chainRoom -= blocks[j].gapAfter;
            const BlockMetrics& n = blocks[j + 1];
            const float lead = n.keepWithNext       ? n.height()
                               : compactIn(j + 1, chainRoom) ? n.compactHeight
                                                             : leadHeight(n, capacity);
            need += blocks[j].gapAfter + lead;
            chainRoom -= lead;
        }
        const bool pageEmpty = y <= area(page).top;
        const float room = area(page).bottom - y;

        if (whole <= room && (need <= room || pageEmpty || need > capacity)) {
            place1(i, whole, false);
            continue;
        }
        if (!b.keepWithNext && compactIn(i, room)) {
            place1(i, b.compactHeight, true);
            continue;
        }
        // Two cards on a page rather than one each: when the block before, on this page, can be
        // made compact too and that makes room for this one compact.
        if (!b.keepWithNext && b.compactHeight > 0 && !out.empty()) {
            Fragment& prev = out.back();
            const BlockMetrics& p = blocks[prev.block];
            const float saving = p.height() - p.compactHeight;
            const PageArea a = area(page);
            if (prev.page == page && prev.block + 1 == i && !prev.compact && prev.endRow == p.rows.size() &&
                prev.firstRow == 0 && p.compactHeight > 0 && !p.keepWithNext && saving > 0 &&
                b.compactHeight <= room + saving && room + saving >= kMostEmptyShare * (a.bottom - a.top)) {
                prev.compact = true;
                prev.height = p.compactHeight;
                y -= saving;
                place1(i, b.compactHeight, true);
                continue;
            }
        }
        if (!pageEmpty)
            newPage();
        if (whole <= area(page).bottom - y) {
            place1(i, whole, false);
            continue;
        }
        if (compactIn(i, area(page).bottom - y)) { // better compact than split
            place1(i, b.compactHeight, true);
            continue;
        }

        // Taller than a page: fill pages row by row, repeating the header rows on each new page.
        float headerHeight = 0;
        for (std::size_t r = 0; r < b.headerRows && r < b.rows.size(); ++r)
            headerHeight += b.rows[r];
        std::size_t row = 0;
        bool continued = false;
        while (row < b.rows.size()) {
            const float rest = area(page).bottom - y;
            float used = b.padTop + b.padBottom + (continued ? headerHeight : 0.0F);
            std::size_t end = row;
            while (end < b.rows.size() && (end == row || used + b.rows[end] <= rest)) {
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

std::size_t pageCount(const std::vector<Fragment>& fragments)
{
    return fragments.empty() ? 1 : fragments.back().page + 1;
}

} // namespace

std::vector<Fragment> paginate(std::span<const BlockMetrics> blocks, PageArea first, PageArea next)
{
    // Fewer pages first; then a last page that does not open with a heading (a last section such as
    // the log, alone on its page).
    const auto score = [&](const std::vector<Fragment>& fragments) {
        const std::size_t pages = pageCount(fragments);
        bool alone = false;
        for (const Fragment& f : fragments)
            if (f.page + 1 == pages) {
                alone = pages > 1 && blocks[f.block].keepWithNext;
                break;
            }
        return std::pair{pages, alone};
    };
    std::vector<bool> compact(blocks.size(), false);
    std::vector<Fragment> best = place(blocks, first, next, compact);
    // Make the fewest blocks on the two pages before the last compact, latest first, while that
    // saves the last page or keeps a last section company: the log is then not alone.
    while (score(best) > std::pair{std::size_t{1}, false}) {
        const std::size_t last = pageCount(best) - 1;
        std::vector<std::size_t> candidates;
        for (auto f = best.rbegin(); f != best.rend(); ++f)
            if (f->page < last + 1 && f->page + 2 >= last && !f->compact && blocks[f->block].compactHeight > 0 &&
                (candidates.empty() || candidates.back() != f->block))
                candidates.push_back(f->block);
        bool better = false;
        std::vector<bool> trial = compact;
        for (std::size_t c : candidates) {
            trial[c] = true;
            auto fragments = place(blocks, first, next, trial);
            if (score(fragments) < score(best)) {
                best = std::move(fragments);
                compact = trial;
                better = true;
                break;
            }
        }
        if (!better)
            break;
    }
    return best;
}

namespace {

/// How far down page 1 its last part reaches, from the top of its area.
float firstPageUsed(const std::vector<Fragment>& fragments, PageArea first)
{
    float used = 0;
    for (const Fragment& f : fragments)
        if (f.page == 0)
            used = f.top + f.height - first.top;
    return used;
}

} // namespace

Placement paginateDeferring(std::span<const BlockMetrics> blocks, PageArea first, PageArea next,
                            std::size_t movable, std::size_t before)
{
    Placement as{{}, paginate(blocks, first, next)};
    as.order.resize(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
        as.order[i] = i;
    const float usable = first.bottom - first.top;
    const float used = firstPageUsed(as.fragments, first);
    if (movable >= blocks.size() || before > blocks.size() || before <= movable + 1 || usable <= 0 ||
        pageCount(as.fragments) < 2 || usable - used <= kMostEmptyShare * usable)
        return as;
    // Only when `movable` keeps everything after it off page 1.
    for (const Fragment& f : as.fragments)
        if (f.page == 0 && f.block > movable)
            return as;

    Placement moved;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i == before)
            moved.order.push_back(movable);
        if (i != movable)
            moved.order.push_back(i);
    }
    if (before == blocks.size())
        moved.order.push_back(movable);
    std::vector<BlockMetrics> reordered;
    reordered.reserve(blocks.size());
    for (std::size_t i : moved.order)
        reordered.push_back(blocks[i]);
    moved.fragments = paginate(reordered, first, next);
    for (Fragment& f : moved.fragments)
        f.block = moved.order[f.block];
    if (pageCount(moved.fragments) > pageCount(as.fragments) || firstPageUsed(moved.fragments, first) <= used + 1)
        return as;
    return moved;
}

} // namespace hiprx::render
