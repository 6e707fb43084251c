import { Alert, Card, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { SessionUser } from '../../../src-shared/contract';
import type { OpportunityFilters } from '../../../src-shared/contract/followups';
import type { FunnelReport } from '../../../src-shared/contract/funnel';
import { errorText } from '../../forms/errors';
import { useLanguage } from '../../i18n/LanguageProvider';
import { ExportButton } from '../report/ExportButton';
import { type DashboardChart, conversionChart, forecastChart, funnelChart, leaderboardChart, leaderboardOwnerAt, lostReasonsChart, trendChart } from './chart-options';
import { type Drill, DrillDrawer } from './DrillDrawer';
import { EChart } from './EChart';
import { FunnelFilters } from './FunnelFilters';
import { formatAmount } from './format';
import { KpiCards } from './KpiCards';
import { useFunnelReport } from './useFunnelReport';

const NO_FILTERS: OpportunityFilters = {};

function ChartCard({ title, chart, onDrill, testId }: { title: string; chart: DashboardChart; onDrill: (d: Drill) => void; testId: string }) {
  return (
    <Card size="small" title={title}>
      <EChart
        option={chart.option}
        testId={testId}
        onClick={(click) => {
          const segment = chart.segmentAt(click);
          if (segment) onDrill({ segment, label: chart.labelAt(click) });
        }}
      />
    </Card>
  );
}

/**
 * 漏斗: the funnel, conversion, trend, leaderboard, lost reasons and forecast for the chosen filters,
 * each chart clickable through to the list behind it, and the same figures exported to Excel.
 */
export function FunnelPage({ user }: { user: SessionUser }) {
  const { language, t } = useLanguage();
  const team = user.role !== 'sales';
  const [filters, setFilters] = useState<OpportunityFilters>(NO_FILTERS);
  const [drill, setDrill] = useState<Drill | null>(null);
  const report = useFunnelReport(filters);
  const choices = useFunnelReport(NO_FILTERS);
  const data = report.data;
  const amount = (v: number) => formatAmount(v, language, t);
  const charts = useMemo(
    () =>
      data && {
        funnel: funnelChart(data, t),
        conversion: conversionChart(data, t),
        trend: trendChart(data, t),
        lost: lostReasonsChart(data, t),
        forecast: forecastChart(data, t, (v) => formatAmount(v, language, t)),
      },
    [data, t, language],
  );

  const drillOutcome = (kind: 'all' | 'open' | 'won' | 'stale' | 'slipped') => {
    const label = t(`funnel.kpi.${{ all: 'opportunities', open: 'openAmount', won: 'wonAmount', stale: 'stale', slipped: 'slipped' }[kind]}` as 'funnel.kpi.stale');
    if (kind === 'all' || kind === 'stale' || kind === 'slipped') setDrill({ segment: { kind }, label });
    else setDrill({ segment: { kind: 'outcome', outcome: kind }, label });
  };

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('funnel.title')}
        </Typography.Title>
        <ExportButton filters={filters} />
      </Flex>
      <FunnelFilters filters={filters} onChange={setFilters} choices={choices.data} team={team} />
      {report.error && <Alert type="error" showIcon message={errorText(report.error, t)} />}
      {!data && !report.error && <Spin />}
      {data && charts && <Dashboard report={data} charts={charts} team={team} amount={amount} onDrill={setDrill} onOutcome={drillOutcome} onOwner={(id) => setFilters({ ...filters, ownerIds: [id] })} />}
      <DrillDrawer drill={drill} filters={filters} onClose={() => setDrill(null)} />
    </Flex>
  );
}

interface DashboardProps {
  report: FunnelReport;
  charts: Record<'funnel' | 'conversion' | 'trend' | 'lost' | 'forecast', DashboardChart>;
  team: boolean;
  amount: (v: number) => string;
  onDrill: (d: Drill) => void;
  onOutcome: (kind: 'all' | 'open' | 'won' | 'stale' | 'slipped') => void;
  onOwner: (ownerId: number) => void;
}

function Dashboard({ report, charts, team, amount, onDrill, onOutcome, onOwner }: DashboardProps) {
  const { t } = useLanguage();
  if (report.summary.opportunities === 0) return <Empty description={t('funnel.empty')} />;
  return (
    <>
      <KpiCards report={report} onDrill={onOutcome} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('funnel.chart.funnel')} chart={charts.funnel} onDrill={onDrill} testId="funnel-chart-funnel" />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('funnel.chart.conversion')} chart={charts.conversion} onDrill={onDrill} testId="funnel-chart-conversion" />
        </Col>
        <Col xs={24} lg={team ? 12 : 24}>
          <ChartCard title={t('funnel.chart.trend')} chart={charts.trend} onDrill={onDrill} testId="funnel-chart-trend" />
        </Col>
        {team && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('funnel.chart.leaderboard')}>
              <EChart option={leaderboardChart(report, amount)} testId="funnel-chart-leaderboard" onClick={({ dataIndex }) => {
                const owner = leaderboardOwnerAt(report, dataIndex);
                if (owner !== null) onOwner(owner);
              }} />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <ChartCard title={t('funnel.chart.lostReasons')} chart={charts.lost} onDrill={onDrill} testId="funnel-chart-lost" />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('funnel.chart.forecast')} chart={charts.forecast} onDrill={onDrill} testId="funnel-chart-forecast" />
        </Col>
      </Row>
    </>
  );
}
