/**
 * Gaps of the circle as clusters: seniors outside every circle of a facility type, grouped by H3
 * cell (Uber's hexagonal grid, h3-js). At resolution 9 a cell is about 0.1 km² (edges about 175 m
 * here), a few housing estates; resolution 8 (about 0.7 km²) is close to one circle's area.
 */
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import type { LatLng } from '../geo';

export const GAP_RESOLUTIONS = [7, 8, 9, 10] as const;
export type GapResolution = (typeof GAP_RESOLUTIONS)[number];
export const DEFAULT_GAP_RESOLUTION: GapResolution = 9;

/** Uncovered seniors at one spot (the database groups seniors who share coordinates). */
export interface UncoveredSpot {
  lat: number;
  lng: number;
  streetCode: string | null;
  seniors: number;
}

export interface GapCell {
  /** H3 index of the cell. */
  cell: string;
  uncovered: number;
  /** The cell's centre, WGS-84. */
  centre: LatLng;
  /** Where its uncovered seniors live on average: a first candidate site for a what-if. */
  uncoveredCentroid: LatLng;
  /** The cell's outline, WGS-84, for a map. */
  boundary: LatLng[];
  /** Uncovered seniors of the cell by street (null: registered without a street), most first. */
  streets: Array<{ streetCode: string | null; uncovered: number }>;
}

export interface GapClusters {
  /** Cells with uncovered seniors, before the limit. */
  cellCount: number;
  /** The cells with the most uncovered seniors, most first (ties by cell index). */
  cells: GapCell[];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const point = ([lat, lng]: [number, number]): LatLng => ({ lat: round6(lat), lng: round6(lng) });

/** Groups uncovered seniors by H3 cell and keeps the `limit` cells with the most. */
export function gapClusters(spots: readonly UncoveredSpot[], resolution: GapResolution, limit: number): GapClusters {
  const cells = new Map<string, { uncovered: number; latSum: number; lngSum: number; streets: Map<string | null, number> }>();
  for (const spot of spots) {
    const cell = latLngToCell(spot.lat, spot.lng, resolution);
    let entry = cells.get(cell);
    if (!entry) cells.set(cell, (entry = { uncovered: 0, latSum: 0, lngSum: 0, streets: new Map() }));
    entry.uncovered += spot.seniors;
    entry.latSum += spot.lat * spot.seniors;
    entry.lngSum += spot.lng * spot.seniors;
    entry.streets.set(spot.streetCode, (entry.streets.get(spot.streetCode) ?? 0) + spot.seniors);
  }
  const ranked = [...cells.entries()].sort(([a, x], [b, y]) => y.uncovered - x.uncovered || (a < b ? -1 : a > b ? 1 : 0));
  return {
    cellCount: cells.size,
    cells: ranked.slice(0, limit).map(([cell, entry]) => ({
      cell,
      uncovered: entry.uncovered,
      centre: point(cellToLatLng(cell)),
      uncoveredCentroid: { lat: round6(entry.latSum / entry.uncovered), lng: round6(entry.lngSum / entry.uncovered) },
      boundary: cellToBoundary(cell).map(point),
      streets: [...entry.streets.entries()]
        .sort(([a, x], [b, y]) => y - x || String(a).localeCompare(String(b)))
        .map(([streetCode, uncovered]) => ({ streetCode, uncovered })),
    })),
  };
}
