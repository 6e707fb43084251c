import { Card, Col, Row, Statistic } from 'antd';
import type { FunnelReport } from '../../../src-shared/contract/funnel';
import { useLanguage } from '../../i18n/LanguageProvider';
import { formatAmount, formatPercent } from './format';

/** The headline figures; the clickable ones open the list behind them. */
export function KpiCards({ report, onDrill }: { report: FunnelReport; onDrill: (segment: 'all' | 'open' | 'won' | 'stale' | 'slipped') => void }) {
  const { language, t } = useLanguage();
  const amount = (v: number) => formatAmount(v, language, t);
  const s = report.summary;
  const cycle = s.averageCycleDays.won;
  const cards = [
    { key: 'opportunities', title: t('funnel.kpi.opportunities'), value: String(s.opportunities), drill: 'all' as const },
    { key: 'openAmount', title: t('funnel.kpi.openAmount'), value: amount(s.open.amount), drill: 'open' as const },
    { key: 'weighted', title: t('funnel.kpi.weighted'), value: amount(s.weightedPipeline), drill: 'open' as const },
    { key: 'winRate', title: t('funnel.kpi.winRate'), value: formatPercent(s.winRate), drill: 'won' as const },
    { key: 'wonAmount', title: t('funnel.kpi.wonAmount'), value: amount(s.won.amount), drill: 'won' as const },
    { key: 'cycle', title: t('funnel.kpi.cycle'), value: cycle === null ? '—' : t('funnel.unit.days', { days: Math.round(cycle) }), drill: 'won' as const },
    { key: 'velocity', title: t('funnel.kpi.velocity'), value: s.velocityPerDay === null ? '—' : t('funnel.unit.perDay', { amount: amount(s.velocityPerDay) }), drill: 'open' as const },
    { key: 'stale', title: t('funnel.kpi.stale'), value: String(s.stale), drill: 'stale' as const },
    { key: 'slipped', title: t('funnel.kpi.slipped'), value: String(report.slippage.slippedOpportunities), drill: 'slipped' as const },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4} xxl={3}>
          <Card size="small" hoverable onClick={() => onDrill(c.drill)} data-testid={`funnel-kpi-${c.key}`}>
            <Statistic title={c.title} value={c.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
