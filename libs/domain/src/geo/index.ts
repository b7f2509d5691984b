export { gcj02ToWgs84, LatLng, outOfChina, wgs84ToGcj02 } from './gcj02-coordinates';
