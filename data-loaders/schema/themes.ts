/**
 * The themes a series belongs to, and the theme map: which page shows each theme. Source records
 * never name a page; the observations table takes its `page` column from this map.
 */
export const THEMES = ["supply", "trade", "magnets", "wind", "robotics", "prices", "demand"] as const;
export const PAGES = ["supply", "trade", "magnets", "wind", "robotics", "prices"] as const;

export type Theme = (typeof THEMES)[number];
export type Page = (typeof PAGES)[number];

export const THEME_PAGES: Record<Theme, Page> = {
  supply: "supply",
  prices: "prices",
  trade: "trade",
  magnets: "magnets",
  demand: "magnets",
  wind: "wind",
  robotics: "robotics"
};
