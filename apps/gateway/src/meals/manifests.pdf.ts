import type { RouteManifest } from '@app/contracts';
import { DIET_NAMES, type Diet, TEXTURE_IDDSI_LEVEL, type Texture } from '@app/domain';
import { cjkPdf } from '../pdf/pdf-document';

const MODE = { walk: '步行', bicycle: '自行车', 'e-bike': '电动车', van: '货车' } as Record<string, string>;

const local = (iso: string) => (iso ? new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }) : '—');

/**
 * Couriers' manifests to print and carry: one page per route with the departure, then every stop in
 * order with planned time, name, address, dish, diet and texture, notes, a mark for seniors living
 * alone (a missed door is a welfare alarm) and a box to tick.
 */
export function renderManifestsPdf(manifests: readonly RouteManifest[], kitchenName: string, fontPath: string): Promise<Buffer> {
  const { doc, done } = cjkPdf(`送餐路线单 ${kitchenName}`, fontPath, 'landscape');
  if (manifests.length === 0) doc.fontSize(14).text(`${kitchenName}：今日无送餐路线 / no delivery routes`);
  manifests.forEach((m, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(16).text(`送餐路线单 Delivery manifest — ${m.kitchenName}`);
    doc
      .fontSize(10)
      .text(`${m.date} ${m.slot} · 送餐员 Courier: ${m.courierName}（${MODE[m.mode] ?? m.mode}）· 出发 Depart ${local(m.departAt)} · 返回 Back ${local(m.returnAt)} · ${m.stops.length} 站 stops · ${m.meals} 份 meals · ${(m.metres / 1000).toFixed(1)} km · 最长送达 longest pack-to-door ${m.longestPackToDoorMinutes} min`)
      .moveDown(0.5);
    for (const s of m.stops) {
      const diet = DIET_NAMES[s.diet as Diet] ?? s.diet;
      const texture = TEXTURE_IDDSI_LEVEL[s.texture as Texture] ? `IDDSI ${TEXTURE_IDDSI_LEVEL[s.texture as Texture]}` : s.texture;
      doc
        .fontSize(10)
        .text(`☐ ${s.stopNumber}. ${local(s.plannedArrival)}  ${s.seniorName}${s.livesAlone ? '（独居 lives alone）' : ''}  ${s.addressText}`)
        .fontSize(9)
        .text(`    ${s.dish ?? '待定 (kitchen decides)'} · ${diet} · ${texture}${s.deliveryNotes ? ` · 备注 ${s.deliveryNotes}` : ''}`, { indent: 14 })
        .moveDown(0.2);
    }
    doc.moveDown().fontSize(8).text('无人应门：立即按升级流程处理（再次敲门并致电 → 助餐点致电 → 紧急联系人 → 居委会 → 110/120）。No answer: start the ladder at once.');
  });
  doc.end();
  return done;
}
