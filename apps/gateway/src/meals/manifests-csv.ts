import type { RouteManifest } from '@app/contracts';
import { csvCell } from '@app/domain';

const HEADER = ['route', 'courier', 'mode', 'depart', 'stop', 'planned_arrival', 'senior', 'address', 'lives_alone', 'dish', 'diet', 'texture', 'notes', 'outcome'];

/** Couriers' manifests as CSV: one row per stop, routes in order, local times (Asia/Shanghai), formula-safe cells. */
export function manifestsCsv(manifests: readonly RouteManifest[]): string {
  const local = (iso: string) => (iso ? new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }) : '');
  const rows = manifests.flatMap((m) =>
    m.stops.map((s) =>
      [m.routeId, m.courierName, m.mode, local(m.departAt), s.stopNumber, local(s.plannedArrival), s.seniorName, s.addressText, s.livesAlone, s.dish, s.diet, s.texture, s.deliveryNotes, s.outcome]
        .map(csvCell)
        .join(','),
    ),
  );
  return `\ufeff${[HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}
