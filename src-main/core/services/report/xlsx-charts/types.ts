/** A cell by zero-based column and row, as DrawingML anchors count them. */
export interface CellPosition {
  col: number;
  row: number;
}

/**
 * A range of one sheet that a series reads, with the values it holds now: Excel redraws from the
 * cells, but a reader that does not recalculate (a previewer, LibreOffice before its first
 * recalculation) draws from the cached values, so both must agree.
 */
export interface RangeRef<V extends string | number | null> {
  sheet: string;
  /** Zero-based, inclusive; a series range is one column or one row. */
  from: CellPosition;
  to: CellPosition;
  cache: readonly V[];
}

export interface SeriesSpec {
  /** The series' name: a header cell, so renaming the column renames the legend. */
  name: RangeRef<string>;
  categories: RangeRef<string>;
  values: RangeRef<number | null>;
  /** RRGGBB; left to the theme when absent. */
  color?: string;
}

export type ChartKind = 'bar' | 'column' | 'line';

export interface ChartSpec {
  /** `bar`: horizontal bars, first category on top (a funnel read downwards); `column`: vertical. */
  kind: ChartKind;
  title: string;
  series: readonly SeriesSpec[];
  /** The cells the chart covers: from the top-left corner of `from` to the top-left corner of `to`. */
  anchor: { from: CellPosition; to: CellPosition };
  /** Number format of the value axis and the data labels, e.g. `¥#,##0` or `0`. */
  valueFormat?: string;
  dataLabels?: boolean;
  /** Language tag of the text in the chart (`zh-CN`, `en-US`). */
  language?: string;
}

/** The charts of one sheet, found by the sheet's name in the workbook. */
export interface SheetCharts {
  sheet: string;
  charts: readonly ChartSpec[];
}
