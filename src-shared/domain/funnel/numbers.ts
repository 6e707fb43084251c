/** a ÷ b, or null when there is nothing to divide by: "no data" must not read as 0 %. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Money leaves the funnel math in yuan with whole fen, the way it is stored. */
export const yuan = (fen: number): number => Math.round(fen) / 100;

export const sum = <T>(items: readonly T[], of: (item: T) => number): number => items.reduce((total, item) => total + of(item), 0);
