import { leadingRegion, trailingRegion } from './region-lookup';

/** Units of a company that are not the company itself: a branch registers and buys on its own. */
const branchSuffixes = [
  '分公司',
  '分中心',
  '分理处',
  '办事处',
  '代表处',
  '营业部',
  '分店',
  '分厂',
  '分行',
  '支行',
  '分部',
  '分所',
  '分院',
  '分社',
];

/** 上海市分公司 and 上海分公司 are the same branch: its leading region is written as its key. */
function canonicalBranch(branch: string): string {
  const found = leadingRegion(branch, true);
  return found ? `${found.region}${found.rest}` : branch;
}

/**
 * Splits a normalized name into the company and its branch: 华为技术有限公司上海分公司 →
 * 华为技术有限公司 + 上海分公司; XX有限公司(北京分公司) the same; 华为上海分公司 (no legal form) →
 * 华为 + 上海分公司. The branch is null for the company itself.
 */
export function splitBranch(name: string): { head: string; branch: string | null } {
  const parenthesized = /^(.+)\(([^()]+)\)$/.exec(name);
  if (parenthesized?.[1] && parenthesized[2] && branchSuffixes.some((suffix) => parenthesized[2]?.endsWith(suffix))) {
    return { head: parenthesized[1].trim(), branch: canonicalBranch(parenthesized[2].replace(/\s/g, '')) };
  }
  const suffix = branchSuffixes.find((candidate) => name.endsWith(candidate));
  const rest = suffix ? name.slice(0, -suffix.length).trimEnd() : '';
  if (!suffix || !rest) return { head: name, branch: null };
  // The company's name ends with its legal form; what follows it names the branch.
  const legalEnd = Math.max(rest.lastIndexOf('公司') + 2, rest.lastIndexOf('集团') + 2, rest.lastIndexOf(')') + 1);
  if (legalEnd > 1 && legalEnd < rest.length) {
    return { head: rest.slice(0, legalEnd), branch: canonicalBranch(`${rest.slice(legalEnd)}${suffix}`.replace(/\s/g, '')) };
  }
  const region = legalEnd === rest.length ? null : trailingRegion(rest);
  if (region) return { head: region.rest.trim(), branch: `${region.region}${suffix}` };
  return { head: rest, branch: suffix };
}
