import type { DocumentMeta, ExtractedDocument, Finding, Region } from '@juesuan/model';
import { coverText, departmentKey, fileStem, occurrences, printedDepartment, scopeOfTables, spellingInText } from './department.ts';
import { NATIONAL_REGION, UNKNOWN_REGION, regionOfName } from './divisions.ts';

const PROVINCES = '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆';
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);

/** The first lines of the document: cover and title page. */
function headText(doc: ExtractedDocument): string {
  return doc.pages
    .slice(0, 3)
    .flatMap((p) => p.lines.filter((l) => !l.inTable).map((l) => l.text))
    .join('\n');
}

export function detectKind(text: string, file: string): DocumentMeta['kind'] {
  const t = `${file}\n${text}`;
  if (/绩效自评/.test(t) && !/决算表|预算表/.test(text)) return 'performance';
  const f = (t.match(/决算/g) ?? []).length;
  const b = (t.match(/预算/g) ?? []).length;
  if (/决算/.test(file)) return 'final';
  if (/预算/.test(file)) return 'budget';
  if (f === 0 && b === 0) return 'unknown';
  // budgets mention 决算 rarely; final accounts mention 预算 a lot (年初预算, 一般公共预算)
  return f >= 2 ? 'final' : 'budget';
}

export function detectRegion(name: string): Region {
  const m = new RegExp(`^((?:${PROVINCES})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?)?([^省市县区]{1,6}?市|[^省市县区]{1,6}?(?:自治州|州|盟))?([^省市县区]{1,6}?(?:区|县|旗|市))?`).exec(name);
  let province = m?.[1] ?? null;
  let city = m?.[2] ?? null;
  const county = m?.[3] ?? null;
  if (province && MUNICIPALITIES.has(province.replace(/市$/, ''))) {
    province = province.endsWith('市') ? province : `${province}市`;
    city = null;
  }
  if (province && !/[省市区]$/.test(province)) province = null;
  const parts = [province, city, county].filter((x): x is string => !!x);
  const level = county ? 'county' : city ? 'city' : province ? 'province' : 'unknown';
  return { province, city, county, name: parts.length ? parts.join('') : null, code: null, level };
}

const LEVEL_RANK = { unknown: 0, national: 1, province: 1, city: 2, county: 3 } as const;

function mostSpecificRegion(names: string[]): Region {
  return names.map(detectRegion).reduce((best, r) => (LEVEL_RANK[r.level] > LEVEL_RANK[best.level] ? r : best), detectRegion(''));
}

const DEPARTMENT_END = '(?:委员会|局|厅|院|部|办公室|中心|委|署|会|所|站|队|馆|处|政府)(?:机关)?';

/**
 * Who publishes: a name that starts with a region and ends like a department. The file name
 * decides when it has one; else the name the text repeats most (a report names itself often,
 * the bodies it cites once or twice).
 */
export function detectDepartment(text: string, fileBase: string): string | null {
  const regional = new RegExp(`(?:${PROVINCES})[\\u4e00-\\u9fa5（）XＸ]{0,30}?${DEPARTMENT_END}|[\\u4e00-\\u9fa5]{2,8}?[市县区州][\\u4e00-\\u9fa5（）XＸ]{1,30}?${DEPARTMENT_END}`, 'g');
  const clean = (s: string) => s.replace(/\s+/g, '').replace(/^(?:第[一二三四五六七八九十]+部分|附件\d*[:：]?)/, '');
  const fromFile = clean(fileBase).match(regional)?.[0];
  if (fromFile) return fromFile;
  const counts = new Map<string, { n: number; first: number }>();
  let k = 0;
  for (const line of text.split('\n')) {
    for (const m of clean(line).matchAll(regional)) {
      const name = m[0].replace(/^(?:按照|根据|关于|经|由|向|对|在|和|与|及|是|为)/, '');
      const c = counts.get(name) ?? { n: 0, first: k };
      c.n++;
      counts.set(name, c);
      k++;
    }
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0]?.[0] ?? null;
}

export function detectYear(text: string, file: string): number | null {
  // the year the report is about: "2022年度部门决算", "对2022年部门整体预算支出绩效进行自评"
  const m =
    /(20\d{2})\s*年度?\s*(?:[\u4e00-\u9fa5]{0,12}?)(?:部门|单位)?(?:决算|预算|整体支出|整体预算)/.exec(`${file}\n${text}`) ?? /(20\d{2})\s*年/.exec(text) ?? /(20\d{2})/.exec(file);
  if (m) return Number(m[1]);
  const short = /(\d{2})年(?:部门|单位)?预算/.exec(file);
  return short ? 2000 + Number(short[1]) : null;
}

const DATE = /(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const iso = (m: RegExpExecArray) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;

/**
 * When the report was published: a 公开时间 / 发布日期 line, else a date standing alone on the
 * cover or closing the report (not the 截至 dates of the narrative).
 */
function publicationDate(doc: ExtractedDocument): string | null {
  const lines = doc.pages.flatMap((p) => p.lines.map((l) => l.text.trim()));
  for (const l of lines) {
    const m = /(?:公开|发布|印发)(?:时间|日期)\s*[:：]?\s*/.test(l) ? DATE.exec(l) : null;
    if (m) return iso(m);
  }
  const standalone = (l: string) => {
    const m = DATE.exec(l);
    return m && l.replace(DATE, '').replace(/[\s()（）]/g, '') === '' ? m : null;
  };
  const edges = [...(doc.pages[0]?.lines ?? []), ...(doc.pages[1]?.lines ?? []), ...(doc.pages[doc.pages.length - 1]?.lines ?? []).slice(-6)];
  for (const l of edges) {
    const m = standalone(l.text.trim());
    if (m) return iso(m);
  }
  return null;
}

/** 部门 (a department with its units) or 单位 (one budget unit), from the title. */
function scopeOf(text: string): DocumentMeta['unitScope'] {
  const t = text.replace(/\s+/g, '');
  const dept = t.search(/部门(?:决算|预算)/);
  const unit = t.search(/单位(?:决算|预算)(?!单位)/);
  if (dept < 0 && unit < 0) return null;
  if (dept < 0) return 'unit';
  if (unit < 0) return 'department';
  return dept < unit ? 'department' : 'unit';
}

/** Bodies of the central government, and units directly under its ministries. */
const NATIONAL_NAME = /^(?:国家|中央|国务院|中华人民共和国|全国)/;
const NATIONAL_TEXT = /(?:教育部|部委)直属|中央部门预算|中央部门决算/;

/** The region of the publishing body: its name first, else the most specific one the text names. */
function regionOf(department: string | null, text: string): Region {
  const own = department ? regionOfName(department) : UNKNOWN_REGION;
  if (own.level !== 'unknown') return own;
  if ((department && NATIONAL_NAME.test(department)) || NATIONAL_TEXT.test(text)) return NATIONAL_REGION;
  // a place the division list does not have (new, renamed, or made up for an example): its name, no code
  const printed = detectRegion(department ?? '');
  if (printed.name) return printed;
  const named = mostSpecificRegion(text.split('\n').slice(0, 40));
  return named.name ? regionOfName(named.name) : UNKNOWN_REGION;
}

/**
 * A department name OCR read once: the text's spelling when it prints one more often (a finding
 * keeps the reading), else the name as read, flagged as printed nowhere else.
 */
function agreeWithText(doc: ExtractedDocument, name: string | null): { department: string | null; findings: Finding[] } {
  if (name === null || !doc.pages.some((p) => p.source === 'ocr')) return { department: name, findings: [] };
  const text = doc.pages.flatMap((p) => p.lines.map((l) => l.text.replace(/\s+/g, ''))).join('\n');
  const spelled = spellingInText(name, text);
  if (spelled !== null) return { department: spelled, findings: [departmentFinding('ocr.department_spelling', `部门名称识别为「${name}」，正文多处印作「${spelled}」，取后者`, `the department was read as ${name}; the text prints ${spelled} more often, which is taken`)] };
  // printed again, whole or without its place (省委办公厅 for 江苏省委办公厅): confirmed
  const place = regionOfName(name).name;
  const body = place && name.startsWith(place) ? name.slice(place.length) : name;
  if (occurrences(text, name) >= 2 || (body.length >= 4 && occurrences(text, body) >= 2)) return { department: name, findings: [] };
  return { department: name, findings: [departmentFinding('ocr.department_unconfirmed', `部门名称「${name}」只识别到一处，正文别处未见，可能有误读`, `the department ${name} was read in one place only and the text prints it nowhere else: it may be misread`)] };
}

const departmentFinding = (rule: string, messageZh: string, messageEn: string): Finding => ({ rule, severity: 'warning', messageZh, messageEn, cells: [], suggestion: null });

/** Region, department, year and kind from the document's cover, head and tables; its file name last. */
export function readDocumentMeta(doc: ExtractedDocument): { meta: DocumentMeta; findings: Finding[] } {
  const head = headText(doc);
  const cover = coverText(doc);
  const base = doc.file.split('/').pop() ?? doc.file;
  const kind = detectKind(`${cover}\n${head}`, base);
  const allText = doc.pages.flatMap((p) => p.lines.filter((l) => !l.inTable).map((l) => l.text)).join('\n');
  const agreed = agreeWithText(doc, printedDepartment(doc) ?? detectDepartment(`${head}\n${allText}`, ''));
  const { findings } = agreed;
  const department = agreed.department ?? detectDepartment('', fileStem(base));
  const date = publicationDate(doc);
  const unitsSection = doc.sections.find((s) => /决算单位构成|预算单位构成|单位构成|机构设置/.test(s.title));
  const unitTable = doc.tables.find((t) => /单位构成|编制范围/.test(t.meta.title ?? '') || t.sectionPath.some((p) => /单位构成/.test(p)));
  const unitsIncluded = unitTable
    ? unitTable.cells.filter((c) => /^[\u4e00-\u9fa5（）()]{4,}(?:局|委员会|委|院|中心|所|站|队|馆|处|办公室|会|机关|本级)$/.test(c.text.replace(/\s+/g, ''))).map((c) => c.text.replace(/\s+/g, ''))
    : (unitsSection?.text.match(/[\u4e00-\u9fa5]{4,30}(?:局|中心|所|站|队|馆|处|办公室)(?:机关|本级)?/g) ?? []).slice(0, 30);
  const fiscalYear = detectYear(`${cover}\n${head}`, base);
  const unitScope = scopeOf(`${cover}\n${base}\n${head}`) ?? scopeOfTables(doc);
  const meta: DocumentMeta = {
    kind,
    fiscalYear,
    department,
    unitScope,
    region: regionOf(department, `${head}\n${allText}`),
    publicationDate: date,
    unitsIncluded: [...new Set(unitsIncluded)],
    publication: department && fiscalYear ? `${departmentKey(department)}|${fiscalYear}|${kind}|${unitScope ?? 'department'}` : null,
  };
  return { meta, findings };
}
