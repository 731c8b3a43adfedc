/**
 * Every tolerance of table finding, in one place. Lengths are in page points (`Pt`), or in font
 * sizes of the text concerned (`Em`); shares are fractions of 1. Passes take these from the
 * settings they are given, so a page can be laid out again with other values (as the debug view does).
 */
export interface LayoutSettings {
  rulings: {
    /** rulings closer than this are one grid line */
    snapPt: number;
    /** how far a ruling may stop short of a crossing and still meet it */
    touchPt: number;
    /** how far the lines of a grid ruled both ways may stop short of each other and still be one grid */
    reachPt: number;
    /** stubs shorter than this (a corner, a tick) do not make a grid */
    minLengthPt: number;
    /** consecutive rules across further apart than this belong to different tables (rows are low) */
    maxRowGapPt: number;
    /** consecutive rules down further apart than this belong to different tables (columns can be wide) */
    maxColumnGapPt: number;
    /** a line across that runs this far past the outermost line down is an open outer border */
    openBorderPt: number;
    /** a grid line separates two cells where rulings cover at least this share of their common edge */
    coverShare: number;
    /** a row left past a table's first or last rule is at most this share of its tallest row high */
    openEndRowShare: number;
  };
  text: {
    /** runs overlapping vertically by more than this share of the lower one are one line */
    lineOverlapShare: number;
    /** how many lines back a run may still join a line */
    lineLookback: number;
    /** a gap wider than this between runs on a line is a space (in Latin text) */
    spaceGapEm: number;
  };
  edges: {
    /** text extents nearer than this are one column of text */
    segmentJoinPt: number;
    /** text may start this far inside a column of amounts' right edge and still be the next column */
    amountEdgeSlackPt: number;
    /** a drawn column line nearer than this to the table's side is dropped */
    sideMarginPt: number;
    /** text must cross a line by more than this to be cut by it */
    crossPt: number;
    /** amounts ending within this of each other are right-aligned in one column */
    alignPt: number;
    /** a gap this wide splits a line into columns (tables found from gaps alone) */
    columnGapEm: number;
    /** a heading's letters spaced out (收  入) stand at most this far apart */
    letterSpacingEm: number;
  };
  rows: {
    /** heading lines closer than this are one heading row */
    headingGapEm: number;
    /** lines closer than this touch: one row */
    touchingGapEm: number;
    /** a name wrapped onto a line closer than this stays in its row */
    wrapGapEm: number;
    /** the line above a wrapped name fills at least this share of its column */
    wrapFillShare: number;
    /** the line above a wrapped name runs at least this share of its column's widest name */
    wrapWidestShare: number;
    /** a wider gap than this between lines ends a block of text rows */
    blockGapEm: number;
    /** past a wide gap, an aligned amount line (a 总计 under blank rows) still joins within this */
    farGapEm: number;
    /** lines without amounts a table may hold in a row (the blank rows of a summary) */
    maxBlankRows: number;
    /** heading lines taken above a block's first amount line, at most */
    maxHeadingLines: number;
    /** the margin left around a block of text rows */
    blockMarginPt: number;
  };
  tables: {
    /** a grid narrower than this is not a table */
    minWidthPt: number;
    /** a grid lower than this is not a table (a one-row ruled table is about 10 pt) */
    minHeightPt: number;
    /** a grid found on a page image lower than this is not a table (before its text is read) */
    minImageGridHeightPt: number;
    /** a line found on a page image shorter than this is a table's only if it ends on longer ones (else a stroke of heavy type) */
    minImageRulePt: number;
    /** how near a short line's end must come to a long line to end on it */
    imageRuleEndPt: number;
    /** a break this long at most between a short line and a long one in line with it: one rule a fax broke */
    imageRuleBreakPt: number;
    /** amount lines a table without lines needs (unless a heading stands above them) */
    minDataRows: number;
    /** a region's centre this close outside a table's box still counts as inside */
    insidePt: number;
    /** a chart legend's colour swatch: an empty, squarish cell with sides within this range */
    swatchPt: { min: number; max: number };
  };
  meta: {
    /** lines this far above a table may be its title, unit or number */
    aboveReachPt: number;
    /** lines this far below a table may be its notes */
    belowReachPt: number;
    /** a line may overlap the table's edge by this much and still stand above or below it */
    edgeSlackPt: number;
    /** a banner row's one cell spans at least this share of the table's width */
    bannerWidthShare: number;
    /** lines within this of the biggest font above a table are set as big as the title */
    titleFontSlackPt: number;
    /** a title at a page's foot goes to the next page's table when at most this many (unit, number) lines follow it */
    carriedTitleLinesAfter: number;
  };
  stitch: {
    /** column lines of two parts this close are the same line */
    columnMatchPt: number;
    /** two parts' columns align when this share of the fewer column lines match */
    columnMatchShare: number;
    /** a continuation may stand this far outside the table it continues */
    sideSlackPt: number;
    /** a column line this far inside a cell's text cuts it */
    textInsetPt: number;
    /** a continuation's text fits the columns when this share of its filled cells is uncut */
    textFitShare: number;
  };
}

export const DEFAULT_LAYOUT_SETTINGS: LayoutSettings = {
  rulings: { snapPt: 2.5, touchPt: 6, reachPt: 8, minLengthPt: 8, maxRowGapPt: 120, maxColumnGapPt: 400, openBorderPt: 5, coverShare: 0.5, openEndRowShare: 1.5 },
  text: { lineOverlapShare: 0.5, lineLookback: 4, spaceGapEm: 0.25 },
  edges: { segmentJoinPt: 2, amountEdgeSlackPt: 0.5, sideMarginPt: 3, crossPt: 1, alignPt: 3, columnGapEm: 1.5, letterSpacingEm: 3 },
  rows: {
    headingGapEm: 0.6,
    touchingGapEm: 0.25,
    wrapGapEm: 0.6,
    wrapFillShare: 0.6,
    wrapWidestShare: 0.8,
    blockGapEm: 2.5,
    farGapEm: 20,
    maxBlankRows: 16,
    maxHeadingLines: 7,
    blockMarginPt: 2,
  },
  tables: { minWidthPt: 50, minHeightPt: 8, minImageGridHeightPt: 15, minImageRulePt: 36, imageRuleEndPt: 3, imageRuleBreakPt: 8, minDataRows: 3, insidePt: 1, swatchPt: { min: 3, max: 12 } },
  meta: { aboveReachPt: 140, belowReachPt: 80, edgeSlackPt: 2, bannerWidthShare: 0.6, titleFontSlackPt: 0.5, carriedTitleLinesAfter: 3 },
  stitch: { columnMatchPt: 4, columnMatchShare: 0.7, sideSlackPt: 6, textInsetPt: 2, textFitShare: 0.95 },
};
