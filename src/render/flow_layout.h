// SPDX-License-Identifier: GPL-3.0-or-later
//
// Pagination, kept apart from drawing so it can be tested on numbers alone. Every block's height
// is known before it is placed; a block that fits on a page is never split (an exercise card
// stays whole); a block taller than a page starts on a fresh page and breaks only between rows.
// A block may offer a more compact layout of itself (a card with its figure beside the text): it is
// used where the block does not fit in the rest of a page that is more than a quarter empty, and
// on the blocks before a short last page when that saves the page.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace hiprx::render {

/// The sizes pagination needs to know about one block.
struct BlockMetrics {
    std::vector<float> rows;    ///< heights of the rows; a split falls only between rows
    std::size_t headerRows = 0; ///< leading rows repeated at the top of each continuation (table heads)
    float padTop = 0;
    float padBottom = 0;
    float gapAfter = 0;        ///< space before the next block on the same page
    bool keepWithNext = false; ///< a heading: never left alone at the bottom of a page
    /// A more compact layout of the same block (never split, so one row is enough), or 0 for none.
    float compactHeight = 0;

    float height() const;
};

/// The share of a page that may stay empty below a block when the next one could fit compact.
inline constexpr float kMostEmptyShare = 0.25F;

/// The usable vertical band of a page, y measured down from the page top.
struct PageArea {
    float top = 0;
    float bottom = 0;
};

/// One piece of a block on one page. Rows [firstRow, endRow) are drawn after the repeated header
/// rows when `continued`.
struct Fragment {
    std::size_t block = 0;
    std::size_t page = 0;
    float top = 0;
    float height = 0;
    std::size_t firstRow = 0;
    std::size_t endRow = 0;
    bool continued = false; ///< an earlier fragment of this block is on an earlier page
    bool continues = false; ///< a later fragment follows on the next page
    bool compact = false;   ///< the block's compact layout (its compactHeight) is drawn
};

/// Places `blocks` in order on pages whose usable areas are `first` (page 1) and `next` (the rest).
/// Returns the fragments in drawing order; the last fragment's page + 1 is the page count. A block
/// with a compact layout uses it (1) when it does not fit in the rest of a page that is more than
/// kMostEmptyShare empty but would fit compact, and (2) when making the fewest blocks before the
/// last page compact, from the end, saves a page (so a last section such as the log is not alone).
std::vector<Fragment> paginate(std::span<const BlockMetrics> blocks, PageArea first, PageArea next);

/// Where every block went, and in which order they were placed.
struct Placement {
    std::vector<std::size_t> order;  ///< indices into the blocks, in the order placed
    std::vector<Fragment> fragments; ///< as paginate() gives them; `block` indexes the blocks as given
};

/// paginate() of `blocks` in their order, or with block `movable` placed just before block `before`
/// (blocks.size(): at the end) when, in their order, `movable` is the last part on page 1, page 1 is
/// more than kMostEmptyShare empty (the next block did not fit there, even compact), and the move
/// fills more of page 1 without adding a page. For a part that reads as well after the ones it
/// precedes (general advice before the exercise cards) when keeping it first would push every card
/// off page 1.
Placement paginateDeferring(std::span<const BlockMetrics> blocks, PageArea first, PageArea next,
                            std::size_t movable, std::size_t before);

} // namespace hiprx::render
