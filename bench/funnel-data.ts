import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../src-main/core/db/database';
import { type Random, seededRandom } from '../src-main/core/demo/random';

/**
 * A large office for the funnel benchmark, written straight into the tables with prepared statements
 * (the operations would take an hour for a million rows) but in the operations' order, so the
 * schema's triggers derive the funnel facts as they do in use: a deal is written approved, its stage
 * history and follow-ups added, and only then is it closed.
 *
 * Per deal: an approval entry plus 0–4 stage moves (sometimes a step back), 6–9 follow-ups, and for
 * two in five one or two moves of the expected close date: about ten history rows per opportunity.
 */

const DAY = 86_400_000;
const channels = ['老客户介绍', '官网咨询', '展会', '电话开发', '渠道合作伙伴', '招投标', '社交媒体', '上门拜访'];
const products = ['办公设备', '网络设备', '软件许可', '云服务', '安防系统', '维保服务'];
const regions = ['广东省深圳市', '广东省广州市', '北京市', '上海市', '浙江省杭州市', '江苏省南京市', '江苏省苏州市', '四川省成都市', '湖北省武汉市', '福建省厦门市', '山东省济南市', '陕西省西安市'];
const lostReasons = ['价格过高', '选择了竞争对手', '预算取消', '需求变更', '联系不上', '其他'];
const stages = ['initial_contact', 'needs_confirmed', 'quotation', 'contract_signed'] as const;
const kinds = ['call', 'email', 'visit', 'meeting', 'message', 'other'] as const;
const syllables = ['星辰', '云帆', '华创', '瑞达', '恒信', '联拓', '博远', '中科', '新锐', '天成', '汇智', '嘉禾', '鼎盛', '宏图', '正泰', '安捷'];
const trades = ['科技', '网络', '电子', '数据', '信息', '贸易', '制造', '物流'];

const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);

function statements(raw: BetterSqlite3.Database) {
  return {
    customer: raw.prepare(`INSERT INTO customers (kind, name, normalized_name, core_name, region, created_at) VALUES ('company', ?, ?, ?, ?, ?)`),
    registration: raw.prepare(
      `INSERT INTO registrations (customer_id, owner_id, status, stage, customer_name, contact_person, phones, region, need_description, budget_fen,
         expected_close_date, source_channel, product_line, submitted_at, decided_at, decided_by, approved_at, created_at, updated_at)
       VALUES (?, ?, 'approved', ?, ?, '联系人', '["13800000000"]', ?, '采购办公设备及三年维保服务', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    protection: raw.prepare(
      `INSERT INTO protections (customer_id, registration_id, owner_id, kind, status, starts_at, ends_at, ended_at) VALUES (?, ?, ?, 'open', ?, ?, ?, ?)`,
    ),
    stage: raw.prepare('INSERT INTO stage_history (registration_id, from_stage, to_stage, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)'),
    setStage: raw.prepare('UPDATE registrations SET stage = ? WHERE id = ?'),
    closeDate: raw.prepare('INSERT INTO close_date_changes (registration_id, from_date, to_date, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)'),
    followUp: raw.prepare(
      `INSERT INTO follow_ups (registration_id, author_id, kind, happened_at, content, outcome, next_action, next_due_date, created_at)
       VALUES (?, ?, ?, ?, '电话沟通采购进度，客户关注交付周期和维保条款', '客户有意向', '发送报价单', ?, ?)`,
    ),
    close: raw.prepare('UPDATE registrations SET status = ?, closed_at = ?, final_amount_fen = ?, lost_reason = ?, expected_close_date = ? WHERE id = ?'),
  };
}

type Statements = ReturnType<typeof statements>;

function writeDeal(s: Statements, rng: Random, n: number, owners: readonly number[], reviewerId: number, now: number): void {
  const owner = rng.pick(owners);
  const entered = now - rng.between(1, 730) * DAY;
  const name = `${rng.pick(regions).slice(0, 2)}${rng.pick(syllables)}${rng.pick(trades)}${n}有限公司`;
  const budget = Math.round(Math.exp(rng.between(Math.log(10_000), Math.log(5_000_000)))) * 100;
  let expected = entered + rng.between(30, 180) * DAY;
  const customerId = Number(s.customer.run(name, name, name, rng.pick(regions), iso(entered)).lastInsertRowid);
  let stage = rng.chance(0.7) ? 0 : 1;
  const id = Number(
    s.registration.run(customerId, owner, stages[stage], name, rng.pick(regions), budget, date(expected), rng.pick(channels), rng.pick(products),
      iso(entered - DAY), iso(entered), reviewerId, iso(entered), iso(entered - DAY), iso(entered)).lastInsertRowid,
  );
  s.stage.run(id, null, stages[stage], iso(entered), reviewerId);
  // How far it goes, and how it ends; a recent deal is more often still open.
  const furthest = rng.weighted([[stage, 3], [1, 3], [2, 4], [3, 3]] as const);
  const age = (now - entered) / DAY;
  const outcome = age < 60 || rng.chance(0.15) ? 'approved' : furthest === 3 ? 'won' : rng.weighted([['lost', 3], ['expired', 1], ['approved', 1]] as const);
  let at = entered;
  while (stage < Math.min(furthest, outcome === 'won' ? 3 : 2)) {
    at += rng.between(3, 40) * DAY;
    if (at >= now) break;
    const to = stage + 1;
    s.stage.run(id, stages[stage], stages[to], iso(at), owner);
    stage = to;
    if (stage === 2 && rng.chance(0.08)) {
      at += rng.between(1, 10) * DAY;
      s.stage.run(id, stages[2], stages[1], iso(at), owner);
      stage = 1;
    }
  }
  if (stage !== 0) s.setStage.run(stages[stage], id);
  for (let moves = rng.chance(0.4) ? rng.int(1, 2) : 0; moves > 0; moves--) {
    const to = expected + rng.between(-10, 60) * DAY;
    s.closeDate.run(id, date(expected), date(to), iso(Math.min(now, entered + rng.between(5, 60) * DAY)), owner);
    expected = to;
  }
  const closedAt = outcome === 'approved' ? null : Math.min(now - DAY, Math.max(at, entered) + rng.between(5, 60) * DAY);
  const until = closedAt ?? now;
  for (let k = rng.int(6, 9), t = entered; k > 0; k--) {
    t = Math.min(until, t + rng.between(1, Math.max(2, (until - entered) / DAY / 6)) * DAY);
    s.followUp.run(id, owner, rng.pick(kinds), iso(t), date(t + 7 * DAY), iso(t));
  }
  const ends = entered + 90 * DAY;
  s.protection.run(customerId, id, owner, outcome === 'approved' && ends > now ? 'active' : 'ended', iso(entered), iso(ends), outcome === 'approved' && ends > now ? null : iso(Math.min(now, closedAt ?? ends)));
  if (closedAt !== null) {
    const final = outcome === 'won' ? Math.round(budget * rng.between(0.8, 1.05)) : null;
    s.close.run(outcome, iso(closedAt), final, outcome === 'lost' ? rng.pick(lostReasons) : null, date(expected), id);
  }
}

/** Writes `opportunities` deals for `owners`, in transactions of a few thousand so the lease is never held long. */
export async function writeBenchOffice(db: Database, opportunities: number, owners: readonly number[], reviewerId: number, now: number): Promise<void> {
  const rng = seededRandom(20_260_615);
  for (let from = 0; from < opportunities; from += 5_000) {
    await db.write([], async (_q, tx) => {
      const s = statements(tx.raw);
      for (let n = from; n < Math.min(opportunities, from + 5_000); n++) {
        if (n % 500 === 0) tx.heartbeat();
        writeDeal(s, rng, n, owners, reviewerId, now);
      }
    });
  }
}
