/**
 * Plausible names for synthetic people and places in a Shanghai suburb. Surnames are weighted
 * towards those common in Shanghai; given names follow what was usual for people born 1915–1960.
 */
import type { SeededRandom } from './seeded-random';

const SURNAMES = '张王陈李徐朱沈顾周陆吴杨黄金钱孙胡蔡施姚俞曹唐许冯范郁潘刘赵马费卫严倪汤杜邱秦奚瞿诸龚庄盛闵宋'.split('');
/** Rough weights: the first ten are about half of Shanghai's older residents. */
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => (i < 10 ? 5 : i < 25 ? 2 : 1));

const MALE_GIVEN = [
  '建国', '国强', '德明', '志华', '福根', '金龙', '伟民', '荣发', '永康', '根宝', '雪根', '明华', '国平', '振华', '文斌',
  '志明', '建华', '正兴', '海林', '宝林', '阿福', '耀明', '培德', '汉良', '炳生', '仁杰', '兴发', '其昌', '树根', '卫东', '跃进',
  '宏', '军', '勇', '明', '林', '强', '伟', '彪', '庆', '斌',
];
const FEMALE_GIVEN = [
  '秀英', '桂英', '玉兰', '凤英', '美娟', '丽华', '月娥', '金妹', '秀珍', '素珍', '惠芬', '雅琴', '彩娣', '小妹', '美英', '爱珍',
  '宝娣', '金凤', '兰芳', '佩华', '琴芳', '根娣', '淑芬', '丽娟', '国英', '建英', '红梅', '秀兰', '巧英', '菊芳', '翠英', '阿娥',
  '芳', '萍', '英', '敏', '静', '珍', '娟', '华',
];

export function chineseName(random: SeededRandom, sex: 'female' | 'male'): string {
  const surname = SURNAMES[random.weightedIndex(SURNAME_WEIGHTS)];
  return surname + random.pick(sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
}

const ESTATE_WORDS = '春申 莘松 康城 华美 银都 古美 平阳 万源 航华 龙柏 景谷 金汇 紫藤 田园 东苑 西郊 北桥 南方 罗阳 曹行 召楼 杜行 陈行 鲁汇 锦江 莲花 秀文 银春 碧江 宝城 梅园 兰坪 富华 新梅 绿梅 华坪 凯城 金都 昆阳 双柏 永德 虹梅 合川 莘东 水清 樱花 沁春 茉莉 丽华 友谊 海鸥 朝阳 新镇 农南 红旗 永丰 光明 联明 静安'.split(' ');
const URBAN_SUFFIXES = ['一村', '二村', '三村', '新村', '苑', '花园', '小区', '公寓', '家园', '新苑'];
const RURAL_SUFFIXES = ['村', '村', '宅', '新村', '家园'];

/** A name for an estate (小区) or, in rural streets, a village (村). */
export function estateName(random: SeededRandom, rural: boolean): string {
  return random.pick(ESTATE_WORDS) + random.pick(rural ? RURAL_SUFFIXES : URBAN_SUFFIXES);
}

/** A street's name without 街道/镇/工业区, as facility names use it. */
export function shortStreetName(name: string): string {
  return name.replace(/(路街道|街道|镇|工业区)$/, '');
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 第一, 第二 … 第十, then Arabic numerals. */
export function ordinal(n: number): string {
  return `第${n <= 10 ? CHINESE_ORDINALS[n - 1] : String(n)}`;
}
