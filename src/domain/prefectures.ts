/** The 47 prefectures in JIS X 0401 order (index + 1 = 都道府県番号). */
import { nfkc } from "./text";

export const PREFECTURES: readonly string[] = Object.freeze([
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
  "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
  "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
  "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
  "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
  "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
  "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
]);

/** Full names and short forms (東京, 大阪, 神奈川; 北海道 has no shorter form) → number. */
const NUMBER_BY_NAME: ReadonlyMap<string, number> = new Map(
  PREFECTURES.flatMap((name, i) =>
    name === "北海道" ? [[name, i + 1] as const] : [[name, i + 1] as const, [name.slice(0, -1), i + 1] as const],
  ),
);

const FULL_NAMES: ReadonlySet<string> = new Set(PREFECTURES);
const POSTAL_PREFIX = /^(?:〒\s*)?\d{3}-?\d{4}\s*/;
const SPACES = /\s+/g;

/** The 都道府県番号 (1–47) of a prefecture name, full (東京都) or short (東京), or null. */
export function prefectureNumberOfName(name: string): number | null {
  if (typeof name !== "string") return null;
  return NUMBER_BY_NAME.get(nfkc(name).replace(SPACES, "")) ?? null;
}

/** True when an address begins with a full prefecture name (a leading postal code is skipped). */
export function startsWithPrefecture(address: string): boolean {
  if (typeof address !== "string") return false;
  const s = nfkc(address).trim().replace(POSTAL_PREFIX, "");
  // Prefecture names are three characters long, or four (神奈川県, 和歌山県, 鹿児島県).
  return FULL_NAMES.has(s.slice(0, 3)) || FULL_NAMES.has(s.slice(0, 4));
}
