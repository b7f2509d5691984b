// A reproducible day of deliveries around one kitchen in Minhang: doors scattered over a few
// kilometres, lunch windows, mostly hot meals, a mixed fleet of walkers, bicycles, e-bikes and a
// van. Test-only; excluded from the build.

import { type LatLng, SeededRandom } from '../../district';
import { type CourierMode } from '../courier-modes';
import { type CourierForRouting, type DeliveryKitchen, type DeliveryStop } from '../delivery-routes';

export interface RandomDeliveryDayOptions {
  stops: number;
  couriers: number;
  seed: number;
  /** Doors lie within this straight-line distance of the kitchen. Default 2,500 m. */
  radiusMetres?: number;
}

export interface DeliveryDay {
  kitchen: DeliveryKitchen;
  stops: DeliveryStop[];
  couriers: CourierForRouting[];
}

const KITCHEN: LatLng = { lat: 31.1128, lng: 121.3817 };
/** The fleet cycles through these modes: walkers and bicycles for the near doors, e-bikes, one van in fifteen. */
const FLEET: readonly CourierMode[] = ['e-bike', 'bicycle', 'walk', 'e-bike', 'bicycle', 'e-bike', 'walk', 'bicycle', 'e-bike', 'van', 'bicycle', 'e-bike', 'walk', 'bicycle', 'e-bike'];

export function randomDeliveryDay({ stops, couriers, seed, radiusMetres = 2500 }: RandomDeliveryDayOptions): DeliveryDay {
  const random = new SeededRandom(seed);
  const metresPerDegreeLng = 111_320 * Math.cos((KITCHEN.lat * Math.PI) / 180);
  return {
    kitchen: { kitchenId: 'kitchen-1', location: KITCHEN },
    stops: Array.from({ length: stops }, (_, i): DeliveryStop => {
      const distance = radiusMetres * Math.sqrt(random.next());
      const angle = random.uniform(0, 2 * Math.PI);
      const early = random.chance(0.3);
      return {
        orderId: `order-${String(i).padStart(4, '0')}`,
        seniorId: `senior-${String(i).padStart(4, '0')}`,
        location: { lat: KITCHEN.lat + (distance * Math.sin(angle)) / 110_574, lng: KITCHEN.lng + (distance * Math.cos(angle)) / metresPerDegreeLng },
        meals: random.chance(0.1) ? 2 : 1,
        window: early ? { from: 10 * 60 + 30, to: 11 * 60 + 45 } : { from: 11 * 60, to: 12 * 60 + 30 },
        hot: random.chance(0.8),
      };
    }),
    couriers: Array.from({ length: couriers }, (_, i): CourierForRouting => ({
      courierId: `courier-${String(i).padStart(2, '0')}`,
      mode: FLEET[i % FLEET.length],
      shift: { from: 10 * 60, to: 13 * 60 + 30 },
    })),
  };
}
