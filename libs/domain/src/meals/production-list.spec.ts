import { buildProductionList, type OrderLine, productionListCsv } from './production-list';
import { dish, orderLine, served } from './test/fixtures';

const braised = dish('d1', '红烧狮子头', { diets: ['low-salt'] });
const fish = dish('d2', '清蒸鲈鱼', { diets: ['diabetic', 'low-salt'], textures: ['regular', 'minced-moist'] });

const lines: OrderLine[] = [
  orderLine('o1', served(braised), { routeId: 'R1', stopNumber: 2, seniorName: '李桂兰' }),
  orderLine('o2', served(braised), { routeId: 'R1', stopNumber: 1, seniorName: '张建国' }),
  orderLine('o3', served(braised), { mode: 'canteen', seniorName: '陈美华' }),
  orderLine('o4', served(braised), { diet: 'low-salt', mode: 'day-care', seniorName: '周玉梅' }),
  orderLine('o5', { dish: fish, substituted: true, clashes: ['contains egg (allergen)', 'not suitable for a diabetic diet'], unresolved: false }, {
    routeId: 'R2',
    stopNumber: 1,
    seniorName: '王秀英',
    diet: 'diabetic',
    texture: 'minced-moist',
    allergens: ['egg', 'peanut'],
    deliveryNotes: '敲门大声',
  }),
  orderLine('o6', { dish: null, substituted: false, clashes: ['cannot be made pureed'], unresolved: true }, { routeId: 'R2', stopNumber: 2, seniorName: '赵德明', texture: 'pureed' }),
];

describe('production list', () => {
  const list = buildProductionList('kitchen-1', '2026-12-02', 'lunch', lines);

  it('counts by dish × diet × texture exactly, each order once', () => {
    expect(list.total).toBe(6);
    expect(list.byDish).toEqual([
      { dishId: 'd1', dishName: '红烧狮子头', diet: 'regular', texture: 'regular', count: 3 },
      { dishId: 'd1', dishName: '红烧狮子头', diet: 'low-salt', texture: 'regular', count: 1 },
      { dishId: 'd2', dishName: '清蒸鲈鱼', diet: 'diabetic', texture: 'minced-moist', count: 1 },
      { dishId: null, dishName: '待定 (unresolved)', diet: 'regular', texture: 'pureed', count: 1 },
    ]);
    expect(list.byDish.reduce((sum, d) => sum + d.count, 0)).toBe(list.total);
    expect(list.byMode).toEqual({ delivery: 4, canteen: 1, 'day-care': 1 });
  });

  it('counts what each courier carries, route by route', () => {
    expect(list.byRoute).toEqual([
      { routeId: 'R1', count: 2, byDish: [{ dishId: 'd1', dishName: '红烧狮子头', diet: 'regular', texture: 'regular', count: 2 }] },
      {
        routeId: 'R2',
        count: 2,
        byDish: [
          { dishId: 'd2', dishName: '清蒸鲈鱼', diet: 'diabetic', texture: 'minced-moist', count: 1 },
          { dishId: null, dishName: '待定 (unresolved)', diet: 'regular', texture: 'pureed', count: 1 },
        ],
      },
    ]);
  });

  it('lists every order that did not get the standard dish, unresolved first', () => {
    expect(list.clashes).toEqual([
      { orderId: 'o6', seniorName: '赵德明', clashes: ['cannot be made pureed'], substitutedWith: null, unresolved: true },
      { orderId: 'o5', seniorName: '王秀英', clashes: ['contains egg (allergen)', 'not suitable for a diabetic diet'], substitutedWith: '清蒸鲈鱼', unresolved: false },
    ]);
  });

  it('prints one label per meal in packing order, with diet, texture, free-from allergens, stop and notes', () => {
    expect(list.labels.map((l) => l.orderId)).toEqual(['o2', 'o1', 'o5', 'o6', 'o3', 'o4']);
    expect(list.labels[2]).toEqual({
      orderId: 'o5',
      line1: '王秀英 · 送餐',
      line2: '清蒸鲈鱼 · 糖尿病餐 · IDDSI 5 细碎及湿软 (minced-moist)',
      line3: '不含 蛋、花生 · 线路 R2 第1站 · 备注: 敲门大声',
    });
    expect(list.labels[5]).toEqual({ orderId: 'o4', line1: '周玉梅 · 日间照料', line2: '红烧狮子头 · 低盐 · IDDSI 7 常规 (regular)', line3: '' });
  });

  it('refuses an order of another meal or an order twice, rather than miscount', () => {
    expect(() => buildProductionList('kitchen-1', '2026-12-02', 'lunch', [...lines, orderLine('o7', served(braised), { slot: 'dinner' })])).toThrow('order o7 is for dinner on 2026-12-02, not lunch on 2026-12-02');
    expect(() => buildProductionList('kitchen-1', '2026-12-02', 'lunch', [...lines, lines[0]!])).toThrow('order o1 appears twice');
  });

  it('exports the counts as CSV, kitchen rows summing to the total, then route rows', () => {
    const rows = productionListCsv(list).replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('kitchen_id,date,slot,scope,route_id,dish_id,dish_name,diet,diet_name,texture,iddsi_level,count');
    expect(rows[1]).toBe('kitchen-1,2026-12-02,lunch,kitchen,,d1,红烧狮子头,regular,普食,regular,7,3');
    expect(rows[4]).toBe('kitchen-1,2026-12-02,lunch,kitchen,,,待定 (unresolved),regular,普食,pureed,4,1');
    expect(rows[5]).toBe('kitchen-1,2026-12-02,lunch,route,R1,d1,红烧狮子头,regular,普食,regular,7,2');
    expect(rows).toHaveLength(1 + 4 + 3 + 1);
    expect(rows.filter((r) => r.includes(',kitchen,')).reduce((sum, r) => sum + Number(r.split(',').at(-1)), 0)).toBe(6);
  });

  it('defuses a dish name a spreadsheet would run as a formula', () => {
    const hostile = buildProductionList('kitchen-1', '2026-12-02', 'lunch', [orderLine('o1', served(dish('d9', '=cmd|/c calc!A1')))]);
    expect(productionListCsv(hostile).split('\r\n')[1]).toBe("kitchen-1,2026-12-02,lunch,kitchen,,d9,'=cmd|/c calc!A1,regular,普食,regular,7,1");
  });
});
