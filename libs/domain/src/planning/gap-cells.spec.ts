import { cellToLatLng, getResolution, latLngToCell } from 'h3-js';
import { gapClusters } from './gap-cells';

/** Metres north as degrees of latitude (about 111 km per degree). */
const north = (metres: number) => metres / 111_320;

describe('gap clusters', () => {
  // The centre of the resolution-9 cell around Xinzhuang: seniors within 30 m of it share its cell.
  const [lat, lng] = cellToLatLng(latLngToCell(31.1124, 121.3817, 9));
  const [farLat, farLng] = cellToLatLng(latLngToCell(31.1124 + north(2000), 121.3817, 9));

  it('counts uncovered seniors per H3 cell, most first, with the cell outline and where they live', () => {
    const result = gapClusters(
      [
        { lat, lng, streetCode: '310112102', seniors: 2 },
        { lat: lat + north(20), lng, streetCode: '310112102', seniors: 1 },
        { lat: lat - north(20), lng, streetCode: null, seniors: 1 },
        { lat: farLat, lng: farLng, streetCode: '310112103', seniors: 1 },
      ],
      9,
      10,
    );
    expect(result.cellCount).toBe(2);
    expect(result.cells.map((c) => c.uncovered)).toEqual([4, 1]);
    const [first] = result.cells;
    expect(first!.cell).toBe(latLngToCell(lat, lng, 9));
    expect(getResolution(first!.cell)).toBe(9);
    expect(first!.centre.lat).toBeCloseTo(lat, 6);
    expect(first!.boundary).toHaveLength(6);
    expect(first!.streets).toEqual([
      { streetCode: '310112102', uncovered: 3 },
      { streetCode: null, uncovered: 1 },
    ]);
    // (2 × lat + (lat + 20 m) + (lat − 20 m)) / 4 = lat.
    expect(first!.uncoveredCentroid.lat).toBeCloseTo(lat, 6);
  });

  it('keeps only the cells with the most uncovered seniors, ties in cell order', () => {
    const spots = [
      { lat: farLat, lng: farLng, streetCode: null, seniors: 1 },
      { lat, lng, streetCode: null, seniors: 1 },
    ];
    const result = gapClusters(spots, 9, 1);
    expect(result.cellCount).toBe(2);
    expect(result.cells).toHaveLength(1);
    expect(result.cells[0]!.cell).toBe([latLngToCell(lat, lng, 9), latLngToCell(farLat, farLng, 9)].sort()[0]);
  });

  it('groups coarser at a lower resolution', () => {
    const result = gapClusters([{ lat, lng, streetCode: null, seniors: 1 }, { lat: lat + north(40), lng, streetCode: null, seniors: 1 }], 7, 10);
    expect(result.cells).toHaveLength(1);
    expect(getResolution(result.cells[0]!.cell)).toBe(7);
    expect(gapClusters([], 9, 10)).toEqual({ cellCount: 0, cells: [] });
  });
});
